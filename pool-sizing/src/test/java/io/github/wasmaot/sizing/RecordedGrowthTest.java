package io.github.wasmaot.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.AotReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code memory.grow} adds, against the real runtime: {@code recorded-growth.tsv} holds the bisected minima of
 * images whose {@code _start} grows memory by K pages (and traps when the grow fails), so their run stage needs the
 * grown memory; rows for x86_64 and aarch64, both profiles, both bound-check configurations. The model's
 * {@link PoolSizeCalculator#runGrowingBy} must never be below it and at most 10 % above.
 */
class RecordedGrowthTest {
    @Test
    void growingMemoryNeedsWhatTheModelSays() throws Exception {
        Map<String, long[]> byImage = new HashMap<>();
        Map<String, String[]> rowOf = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RecordedGrowthTest.class.getResourceAsStream("recorded-growth.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                if (!f[6].equals("run")) {
                    continue;
                }
                String key = f[3] + " " + f[2];
                byImage.put(key, new long[] {Long.parseLong(f[7])});
                rowOf.put(key, f);
            }
        }
        // K = 1, 2, 4 x both profiles x both configurations x both ISAs (x86_64, aarch64)
        assertEquals(24, byImage.size());
        assertEquals(12, byImage.keySet().stream().filter(k -> k.contains(".aarch64.")).count());
        for (Map.Entry<String, long[]> e : byImage.entrySet()) {
            String[] f = rowOf.get(e.getKey());
            byte[] bytes = RecordedMinimaTest.imageBytes(f[3]);
            PoolSizeEstimate est = PoolSizeCalculator.estimate(AotReader.read(bytes, f[3]), bytes.length,
                    new PoolSizeCalculator.Options(Long.parseLong(f[4]), Long.parseLong(f[5]), List.of(f[3], "5"),
                            f[2]));
            long pages = Long.parseLong(f[3].substring("growby".length(), f[3].indexOf('.')));
            long predicted = PoolSizeCalculator.runGrowingBy(est, pages);
            long real = e.getValue()[0];
            String what = e.getKey() + ": grows " + pages + ", predicted " + predicted + ", real minimum " + real;
            System.out.println(what);
            assertTrue(predicted >= real, "under: " + what);
            assertTrue(predicted <= real * 1.10, "over 10 %: " + what);
        }
    }
}
