package io.github.wasmaot.loader.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Instance;
import io.github.wasmaot.loader.InstanceOptions;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.WasmValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Soak, shared by the {@code Soak*BenchTest} classes (one class per case, so that under
 * {@code -DreuseForks=false} each case gets a fresh JVM and cannot inherit another case's leftovers): many
 * open → instantiate → call → close cycles of a real image, sampling RSS, the mapping count and the heap after
 * GC every {@code every} cycles after a warm-up.
 *
 * <p>The only assertion is a resource-leak check on the mapping count (behaviour: close() returns what
 * instantiate mapped): over the second half of the run the count must come back to its mid-run value within
 * a generous tolerance. The first half is left out because JNA's callback trampoline pool and the JVM's own
 * mappings settle during it (the emulated backend climbs by a few dozen mappings, then stays flat). RSS and
 * heap are measured and reported, never asserted.
 */
final class Soak {
    private static final String SECTION = "10-soak";
    private static final String TITLE = "Soak: open → instantiate → call → close";
    private static final List<String> HEADER = List.of("image", "backend", "cycles (after warm-up)",
            "cycles/s", "RSS MiB start / end / peak", "RSS KiB per 1k cycles", "maps start / end / peak",
            "maps per 1k cycles", "heap after GC MiB start / end", "heap KiB per 1k cycles", "OS threads start / end",
            "leak check: maps, 2nd half (±" + 32 + ")");
    /** A leak of one mapping per cycle would add thousands; JVM-internal churn stays far below this. */
    private static final long MAPS_TOLERANCE = 32;

    private Soak() {
    }

    /**
     * Runs {@code cycles} cycles (after {@code warmup}) of {@code export(a, b[, c]) == expected}, sampling every
     * {@code every} cycles; appends one row and fails when the mapping count drifted beyond the tolerance over
     * the second half of the run.
     */
    static void run(String file, BackendKind kind, int cycles, int warmup, int every, String export,
                    int a, int b, int c, int expected) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs /proc");
        cycles = Bench.scaled(cycles);
        warmup = Bench.scaled(warmup);
        every = Math.max(1, Math.min(every, cycles / 4));
        AotVectors.Entry entry = AotVectors.byFile(file);
        byte[] bytes = entry.bytes();
        String why = kind.unavailableReason(Isa.ofArch(entry.isa()).orElseThrow());
        Assumptions.assumeTrue(why == null, why);
        List<WasmValue> args = export.equals("add") ? List.of(WasmValue.i32(a), WasmValue.i32(b))
                : List.of(WasmValue.i32(a), WasmValue.i32(b), WasmValue.i32(c));
        List<WasmValue> want = List.of(WasmValue.i32(expected));

        for (int i = 0; i < warmup; i++) {
            cycle(bytes, file, kind, export, args, want);
        }
        int samples = cycles / every + 1;
        long[] at = new long[samples];
        long[] rss = new long[samples];
        long[] maps = new long[samples];
        long[] heap = new long[samples];
        long threadsStart = Bench.osThreads();
        int s = 0;
        heap[s] = Bench.heapAfterGcKiB();
        rss[s] = Bench.rssKiB();
        maps[s] = Bench.mappings();
        List<String> mapsBefore = Bench.mappingKeys();
        at[s++] = 0;
        long timed = 0;
        for (int i = 1; i <= cycles; i++) {
            long t0 = System.nanoTime();
            cycle(bytes, file, kind, export, args, want);
            timed += System.nanoTime() - t0;
            if (i % every == 0 && s < samples) {
                heap[s] = Bench.heapAfterGcKiB();
                rss[s] = Bench.rssKiB();
                maps[s] = Bench.mappings();
                at[s++] = i;
            }
        }
        long threadsEnd = Bench.osThreads();
        List<String> mapsAfter = Bench.mappingKeys();
        at = java.util.Arrays.copyOf(at, s);
        rss = java.util.Arrays.copyOf(rss, s);
        maps = java.util.Arrays.copyOf(maps, s);
        heap = java.util.Arrays.copyOf(heap, s);

        Bench.row(SECTION, TITLE, HEADER, "`" + file + "`", kind, cycles + " (+" + warmup + ")",
                Bench.f0(cycles / (timed / 1e9)),
                Bench.mib(rss[0]) + " / " + Bench.mib(rss[s - 1]) + " / " + Bench.mib(Bench.max(rss)),
                Bench.signed1(Bench.slope(at, rss) * 1000),
                maps[0] + " / " + maps[s - 1] + " / " + Bench.max(maps),
                Bench.signed1(Bench.slope(at, maps) * 1000),
                Bench.mib(heap[0]) + " / " + Bench.mib(heap[s - 1]),
                Bench.signed1(Bench.slope(at, heap) * 1000),
                threadsStart + " / " + threadsEnd,
                (Math.abs(maps[s - 1] - maps[s / 2]) <= MAPS_TOLERANCE ? "ok " : "**LEAK** ")
                        + String.format(java.util.Locale.ROOT, "%+d", maps[s - 1] - maps[s / 2]));
        Bench.noteOnce(SECTION, "Method: each row runs in its own JVM (heap fixed and pre-touched, so RSS moves"
                + " only with native memory, metaspace and JIT code). Every cycle is `AotModule.open` of the image"
                + " bytes, `instantiate`, one call checked for its result, `close`. Samples (RSS = VmRSS, maps ="
                + " lines of /proc/self/maps, heap used after two System.gc()) are taken after the warm-up and then"
                + " every 500 cycles; slopes are least-squares over those samples. cycles/s excludes sampling time.");
        StringBuilder series = new StringBuilder();
        int stride = Math.max(1, (s - 1) / 10);
        for (int i = 0; i < s; i += stride) {
            series.append(i == 0 ? "" : ", ").append(at[i]).append(": ").append(Bench.mib(rss[i])).append(" MiB/")
                    .append(maps[i]);
        }
        Bench.note(SECTION, "`" + file + "` " + kind + " RSS/maps by cycle: " + series);
        String grown = Bench.grownMappings(mapsBefore, mapsAfter, 4);
        if (!grown.isEmpty()) {
            Bench.note(SECTION, "`" + file + "` " + kind + " mappings gained over the run (size perms name): "
                    + grown + (grown.contains("/tmp/ffi") ? " (`/tmp/ffi… (deleted)` r-xp pages hold libffi closure"
                    + " trampolines, i.e. JNA callbacks)" : ""));
        }

        long drift = maps[s - 1] - maps[s / 2];
        assertTrue(Math.abs(drift) <= MAPS_TOLERANCE, "mappings went from " + maps[s / 2] + " at cycle " + at[s / 2]
                + " to " + maps[s - 1] + " at cycle " + at[s - 1] + " of " + file + " on " + kind);
    }

    private static void cycle(byte[] bytes, String file, BackendKind kind, String export, List<WasmValue> args,
                              List<WasmValue> want) throws LoaderException {
        AotModule module = AotModule.open(bytes, file);
        try (Instance instance = module.instantiate(kind, InstanceOptions.defaults())) {
            assertEquals(want, instance.call(export, args));
        }
    }
}
