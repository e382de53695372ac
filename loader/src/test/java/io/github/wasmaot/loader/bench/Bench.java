package io.github.wasmaot.loader.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Shared plumbing of the {@code bench} group: where results go, process probes (RSS, mappings, threads, heap
 * after GC) and small statistics. Results are markdown fragments under {@code wasmaot.bench.dir} (default
 * {@code target/bench-results}): {@code <section>.table.md} gets a header once and one row per call of
 * {@link #row}, {@code <section>.notes.md} one bullet per {@link #note}. {@code bench/run} stitches them, in
 * section order, into {@code docs/performance.md}. Nothing here asserts timing.
 */
final class Bench {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path MAPS = Path.of("/proc/self/maps");

    private Bench() {
    }

    static Path dir() {
        Path d = Path.of(System.getProperty("wasmaot.bench.dir", "target/bench-results")).toAbsolutePath();
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** {@code n} times {@code wasmaot.bench.scale} (default 1; a quick smoke run uses e.g. 0.05), at least 1. */
    static int scaled(int n) {
        double scale = Double.parseDouble(System.getProperty("wasmaot.bench.scale", "1"));
        return Math.max(1, (int) Math.round(n * scale));
    }

    /** Appends one table row to {@code section}; the first row of a section writes the title and header. */
    static synchronized void row(String section, String title, List<String> header, Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        Path table = dir().resolve(section + ".table.md");
        StringBuilder sb = new StringBuilder();
        if (!Files.exists(table)) {
            sb.append("## ").append(title).append("\n\n");
            sb.append("| ").append(String.join(" | ", header)).append(" |\n");
            sb.append("|").append(header.stream().map(h -> "---").collect(Collectors.joining("|"))).append("|\n");
        }
        String line = "| " + Arrays.stream(cells).map(String::valueOf).collect(Collectors.joining(" | ")) + " |\n";
        append(table, sb.append(line).toString());
        System.out.print("[bench] " + section + ": " + line);
    }

    /** Appends one bullet under {@code section}'s table. */
    static synchronized void note(String section, String text) {
        append(dir().resolve(section + ".notes.md"), "- " + text + "\n");
        System.out.println("[bench] " + section + " note: " + text);
    }

    /** Like {@link #note}, but only the first time {@code text} is noted under {@code section}. */
    static synchronized void noteOnce(String section, String text) {
        Path notes = dir().resolve(section + ".notes.md");
        try {
            if (Files.exists(notes) && Files.readString(notes).contains("- " + text + "\n")) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        note(section, text);
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- process probes (Linux /proc; -1 where unavailable) ----

    /** Resident set size of this JVM in KiB (VmRSS). */
    static long rssKiB() {
        return statusField("VmRSS:");
    }

    /** OS threads of this process (JVM, GC, JIT and native threads alike). */
    static long osThreads() {
        return statusField("Threads:");
    }

    private static long statusField(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Lines in /proc/self/maps: one per mapping. */
    static long mappings() {
        try (var lines = Files.lines(MAPS)) {
            return lines.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The current mappings as "size perms name" keys (addresses dropped), for diffing two snapshots. */
    static List<String> mappingKeys() {
        try (var lines = Files.lines(MAPS)) {
            return lines.map(l -> {
                String[] f = l.trim().split("\\s+", 6);
                String[] range = f[0].split("-");
                long size = Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16);
                String name = f.length > 5 ? f[5] : "[anon]";
                return sizeText(size) + " " + f[1] + " " + name;
            }).collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The mapping kinds that grew from {@code before} to {@code after}, most first: "+n × size perms name". */
    static String grownMappings(List<String> before, List<String> after, int top) {
        java.util.Map<String, Long> count = new java.util.HashMap<>();
        after.forEach(k -> count.merge(k, 1L, Long::sum));
        before.forEach(k -> count.merge(k, -1L, Long::sum));
        return count.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> "+" + e.getValue() + " × `" + e.getKey() + "`").collect(Collectors.joining(", "));
    }

    private static String sizeText(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "G";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "M";
        }
        return (bytes >> 10) + "K";
    }

    /** Java threads alive (ThreadMXBean). */
    static int javaThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Heap in use after two full collections, in KiB. */
    static long heapAfterGcKiB() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }

    // ---- statistics ----

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Least-squares slope of y over x. */
    static double slope(long[] x, long[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    static long max(long[] v) {
        return Arrays.stream(v).max().orElse(-1);
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String signed1(double v) {
        return String.format(Locale.ROOT, "%+.1f", v);
    }

    static String mib(long kib) {
        return String.format(Locale.ROOT, "%.1f", kib / 1024.0);
    }
}
