package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.testing.AotVectors;
import org.junit.jupiter.api.Test;

/**
 * {@code wasm-aot size}. The real minima here were bisected on the real wamr-cba4c782 runtime built with
 * -DWAMR_DISABLE_HW_BOUND_CHECK=1 (pool-sizing/src/test/judge-harness/pool_harness.c, stack and app heap 16384):
 * hello needs 171,396 bytes to run _start.
 */
class SizeCommandTest {
    static final String HELLO = "hello.wamr-cba4c782.x86_64.bounds-checks.aot";
    static final long HELLO_REAL_RUN_MINIMUM = 171_396;

    @Test
    void jsonCoversTheRealMinimumPerStage() throws Exception {
        CliRun r = CliRun.of("size", "--runtime", "wamr-cba4c782", "--config", "no-hw-bound-check", "--json",
                AotVectors.byFile(HELLO).path().toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("x86_64", json.get("isa").asText());
        assertTrue(json.get("run").asLong() >= HELLO_REAL_RUN_MINIMUM, r.out());
        assertTrue(json.get("run").asLong() <= HELLO_REAL_RUN_MINIMUM * 1.10, r.out());
        assertTrue(json.get("load").asLong() < json.get("instantiate").asLong(), r.out());
        assertEquals(65536, json.get("perGrownPage").asLong());
    }

    @Test
    void tooSmallPoolFailsWithNeedsAndPool() {
        CliRun r = CliRun.of("size", "-r", "legacy", "--config", "no-hw-bound-check", "--pool",
                Long.toString(HELLO_REAL_RUN_MINIMUM - 1), AotVectors.byFile(HELLO).path().toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(": needs ") && r.err().contains(" bytes, pool is 171,395"), r.err());
        CliRun ok = CliRun.of("size", "-r", "legacy", "--config", "no-hw-bound-check", "--pool", "400000",
                AotVectors.byFile(HELLO).path().toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("  run _start: "), ok.out());
    }

    @Test
    void wrongRuntimeTargetOrConfigurationIsOneLine() {
        String path = AotVectors.byFile(HELLO).path().toString();
        CliRun other = CliRun.of("size", "-r", "wamr-2.4", path);
        assertEquals(1, other.exitCode());
        assertTrue(other.err().contains("unknown binary version"), other.err());
        CliRun isa = CliRun.of("size", "-r", "wamr-cba4c782", "--target", "aarch64", path);
        assertEquals(1, isa.exitCode());
        assertTrue(isa.err().contains("image is for x86_64, not --target aarch64"), isa.err());
        CliRun cfg = CliRun.of("size", "-r", "wamr-cba4c782", "--config", "nope", path);
        assertEquals(2, cfg.exitCode());
        assertEquals(1, cfg.err().strip().lines().count(), cfg.err());
        assertTrue(cfg.err().contains("unknown build configuration nope"), cfg.err());
    }
}
