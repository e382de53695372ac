package io.github.wasmaot.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.testing.AotVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calculator against the minima the REAL runtime needed: {@code recorded-minima.tsv} was written by
 * {@code src/test/judge-harness/pool_harness.c} (bisecting {@code Alloc_With_Pool} heap_size on a real libiwasm of
 * each profile and build configuration; docs/pool-sizing.md). The prediction must never be below the true minimum
 * and must stay within the stated tolerance of it.
 */
class RecordedMinimaTest {
    /**
     * Stated tolerance, every stage (load, instantiate, exec_env, run): at most 10 % above the true minimum (issue
     * #14's bound), never below it. The model replays the allocations the runtime makes on a model of its allocator
     * ({@link AllocationSequence}, {@link EmsHeap}); every recorded row is in fact predicted exactly.
     */
    static final double TOLERANCE = 1.10;
    static final long ABSOLUTE_SLACK = 0;

    record Row(String profile, String isa, String configuration, String file, long stack, long appHeap,
               String stage, long min) {
        @Override
        public String toString() {
            return file + " " + configuration + " stack " + stack + " heap " + appHeap + " " + stage;
        }
    }

    private static List<Row> rows;

    /** The recorded rows, read once. */
    static synchronized List<Row> rows() throws IOException {
        if (rows == null) {
            rows = List.copyOf(read());
        }
        return rows;
    }

    private static List<Row> read() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RecordedMinimaTest.class.getResourceAsStream("recorded-minima.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                long min = Long.parseLong(f[7]);
                if (min < 0) {
                    continue; // the stage does not apply (no _start)
                }
                rows.add(new Row(f[0], f[1], f[2], f[3], Long.parseLong(f[4]), Long.parseLong(f[5]), f[6], min));
            }
        }
        return rows;
    }

    /**
     * A vector from ../shared/aot-vectors, or one of images/ (modules with several pages of data, big tables and
     * many globals: src/test/judge-harness/gen_modules.py, compiled by wasm-aot compile).
     */
    static byte[] imageBytes(String file) throws IOException {
        try (var in = RecordedMinimaTest.class.getResourceAsStream("images/" + file)) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        return AotVectors.byFile(file).bytes();
    }

    /** Stages the calculator predicts; {@code init} is the runtime alone, {@code grown_pages} an observation. */
    static Stream<Row> measured() throws IOException {
        return rows().stream().filter(r -> !r.stage().equals("init") && !r.stage().equals(GROWN_PAGES));
    }

    /**
     * The pages {@code _start} grew linear memory by on the real runtime (the harness's {@code memory} line: the
     * default memory's size before and after the largest-pool run, read with {@code wasm_runtime_get_app_addr_range});
     * 0 where not recorded. A C program's {@code malloc} grows memory (wasi-libc's {@code sbrk}), so its run stage is
     * {@link PoolSizeCalculator#runGrowingBy} that many pages, what {@code wasm-aot size --grow-pages N} prints.
     */
    static long grownPages(Row run) throws IOException {
        return rows().stream()
                .filter(r -> r.stage().equals(GROWN_PAGES) && r.profile().equals(run.profile())
                        && r.isa().equals(run.isa()) && r.configuration().equals(run.configuration())
                        && r.file().equals(run.file()) && r.stack() == run.stack() && r.appHeap() == run.appHeap())
                .mapToLong(Row::min).findFirst().orElse(0);
    }

    static final String GROWN_PAGES = "grown_pages";

    @Test
    void everyRecordedImageIsAVector() throws IOException {
        assertFalse(rows().isEmpty());
        for (Row r : rows()) {
            assertTrue(imageBytes(r.file()).length > 0, r.file());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measured")
    void predictionCoversTheRealMinimum(Row row) throws Exception {
        byte[] bytes = imageBytes(row.file());
        AotImage image = AotReader.read(bytes, row.file());
        PoolSizeEstimate est = PoolSizeCalculator.estimate(image, bytes.length,
                new PoolSizeCalculator.Options(row.stack(), row.appHeap(), List.of(row.file(), "5"),
                        row.configuration()));
        long grown = row.stage().equals("run") ? grownPages(row) : 0;
        long predicted = grown > 0 ? PoolSizeCalculator.runGrowingBy(est, grown) : est.stage(row.stage());
        double ratio = (double) predicted / row.min();
        String what = row + (grown > 0 ? " (grows " + grown + " pages)" : "") + ": predicted " + predicted + ", real minimum " + row.min() + String.format(" (x%.3f)", ratio);
        System.out.println(what);
        assertTrue(predicted >= row.min(), "under the real minimum: " + what);
        assertTrue(ratio <= TOLERANCE || predicted - row.min() <= ABSOLUTE_SLACK,
                "beyond the tolerance x" + TOLERANCE + " / +" + ABSOLUTE_SLACK + " bytes: " + what);
        // the breakdown `size` prints adds up to the total it prints, and no part is negative
        assertEquals(est.run(), est.parts().values().stream().mapToLong(Long::longValue).sum(),
                () -> "parts " + est.parts() + " vs run " + est.run());
        assertTrue(est.parts().values().stream().allMatch(v -> v >= 0), () -> "negative part: " + est.parts());
    }
}
