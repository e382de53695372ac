package io.github.wasmaot.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.sizing.PoolSizingFacts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EmsHeap} against the real allocator: {@code alloc-traces/*.trace.tsv} are the allocation sequences the real
 * runtime made (x86_64, hw-bound-check, stack and app heap 16 KiB, argv {@code FILE 5}: the same run as the
 * recorded minima), logged by a tracing build of libiwasm outside the repository (docs/pool-sizing.md). Replaying
 * them on the model, the pool each stage needs is the heap struct plus how far the allocations reached after the
 * runtime's own init allocations; it must be at least the bisected real minimum and at most a few bytes above it.
 */
class EmsHeapReplayTest {
    static final long MAX_OVER = 64;

    static Stream<String> traces() {
        return Stream.of("add", "hello_wat", "features", "hello", "stats").flatMap(
                i -> Stream.of(i + ".wamr-cba4c782.x86_64.bounds-checks.aot", i + ".wamr-2.4.x86_64.bounds-checks.aot"));
    }

    /** Stage name -> pool bytes the replayed sequence needs up to the end of that stage. */
    static Map<String, Long> replay(String file, PoolSizingFacts facts) throws IOException {
        EmsHeap heap = new EmsHeap(facts.allocator());
        Map<Long, Long> addr = new HashMap<>();
        Map<String, Long> reach = new LinkedHashMap<>();
        String stage = "init";
        long initReach = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(EmsHeapReplayTest.class.getResourceAsStream(
                "alloc-traces/" + file + ".trace.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "S" -> {
                        reach.put(stage, heap.highWater());
                        stage = f[1];
                    }
                    case "M" -> addr.put(Long.parseLong(f[1]), heap.malloc(Long.parseLong(f[2])));
                    case "F" -> heap.free(addr.remove(Long.parseLong(f[1])));
                    default -> throw new IllegalStateException(line);
                }
            }
        }
        reach.put(stage, heap.highWater());
        long structOnly = facts.allocator().heapStructBytes() - reach.get("init");
        Map<String, Long> pool = new LinkedHashMap<>();
        reach.forEach((s, v) -> pool.put(s, structOnly + v));
        return pool;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("traces")
    void replayedSequenceGivesTheRealMinimum(String file) throws Exception {
        String profile = file.contains("cba4c782") ? "wamr-cba4c782" : "wamr-2.4";
        Map<String, Long> pool = replay(file, PoolSizeCalculator.facts(profile, null));
        int checked = 0;
        for (RecordedMinimaTest.Row row : RecordedMinimaTest.rows()) {
            if (!row.file().equals(file) || !row.configuration().equals("hw-bound-check") || row.stack() != 16384
                    || row.appHeap() != 16384 || row.min() < 0 || row.stage().equals(RecordedMinimaTest.GROWN_PAGES)) {
                continue;
            }
            long predicted = pool.get(row.stage());
            String what = row + ": replayed " + predicted + ", real minimum " + row.min();
            System.out.println(what);
            assertTrue(predicted >= row.min() && predicted - row.min() <= MAX_OVER, what);
            checked++;
        }
        assertTrue(checked >= 4, file + ": rows checked " + checked);
        assertEquals(PoolSizeCalculator.facts(profile, null).allocator().heapStructBytes(), pool.get("init"));
    }
}
