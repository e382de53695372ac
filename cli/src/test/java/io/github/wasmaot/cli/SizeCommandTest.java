package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.testing.AotVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void growPagesRaiseTheRunWhereMemoryIsInThePoolOnly() throws Exception {
        String path = AotVectors.byFile(HELLO).path().toString();
        ObjectMapper m = new ObjectMapper();
        CliRun grown = CliRun.of("size", "-r", "legacy", "--config", "no-hw-bound-check", "--json", "--grow-pages", "3",
                path);
        assertEquals(0, grown.exitCode(), grown.err());
        JsonNode g = m.readTree(grown.out());
        assertEquals(3, g.get("growPages").asLong());
        // the old memory and the grown copy live at once: at least the three new pages more than without growth
        assertTrue(g.get("runGrowing").asLong() >= g.get("run").asLong() + 3 * 65536, grown.out());
        // a pool that holds the run without growth is refused once the growth is counted
        CliRun refused = CliRun.of("size", "-r", "legacy", "--config", "no-hw-bound-check", "--grow-pages", "3",
                "--pool", Long.toString(g.get("run").asLong()), path);
        assertEquals(1, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("needs " + String.format(java.util.Locale.ROOT, "%,d",
                g.get("runGrowing").asLong()) + " bytes"), refused.err());
        assertTrue(refused.out().contains("run _start growing 3 pages: "), refused.out());
        // linear memory mapped outside the pool: growth costs it nothing
        CliRun mapped = CliRun.of("size", "-r", "legacy", "--json", "--grow-pages", "3", path);
        JsonNode h = m.readTree(mapped.out());
        assertEquals(h.get("run").asLong(), h.get("runGrowing").asLong(), mapped.out());
        CliRun negative = CliRun.of("size", "-r", "legacy", "--grow-pages", "-1", path);
        assertEquals(2, negative.exitCode());
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

    @Test
    void wasiEnvAndDirsArePassedToTheModel(@TempDir Path tmp) throws Exception {
        String path = AotVectors.byFile("hello_wat.wamr-cba4c782.x86_64.bounds-checks.aot").path().toString();
        CliRun bare = CliRun.of("size", "-r", "wamr-cba4c782", "--json", path);
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("sub-directory-two"));
        CliRun with = CliRun.of("size", "-r", "wamr-cba4c782", "--json", "--wasi-env", "A=1", "--wasi-env",
                "HOME=/home/wasm-user", "--wasi-dir", a.toString(), "--wasi-dir", b.toString(), path);
        assertEquals(0, bare.exitCode(), bare.err());
        assertEquals(0, with.exitCode(), with.err());
        ObjectMapper json = new ObjectMapper();
        long bareRun = json.readTree(bare.out()).get("run").asLong();
        long withRun = json.readTree(with.out()).get("run").asLong();
        // two fd objects, the prestat table and its regrowth, two path copies, the env array and strings
        assertTrue(withRun > bareRun + 2 * 72, bareRun + " vs " + withRun);
    }

    @Test
    void badWasiEnvOrDirIsOneUsageLine(@TempDir Path tmp) throws Exception {
        String path = AotVectors.byFile(HELLO).path().toString();
        CliRun env = CliRun.of("size", "-r", "wamr-cba4c782", "--wasi-env", "NOEQUALS", path);
        assertEquals(2, env.exitCode(), env.err());
        assertEquals(1, env.err().strip().lines().count(), env.err());
        assertTrue(env.err().contains("KEY=VALUE") && env.err().contains("NOEQUALS"), env.err());
        CliRun missing = CliRun.of("size", "-r", "wamr-cba4c782", "--wasi-dir", tmp.resolve("nope").toString(), path);
        assertEquals(2, missing.exitCode(), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("--wasi-dir") && missing.err().contains("no such directory"), missing.err());
        Path file = Files.writeString(tmp.resolve("f"), "x");
        CliRun notDir = CliRun.of("size", "-r", "wamr-cba4c782", "--wasi-dir", file.toString(), path);
        assertEquals(2, notDir.exitCode(), notDir.err());
        assertTrue(notDir.err().contains("not a directory"), notDir.err());
        assertTrue(!(env.err() + missing.err() + notDir.err()).contains("Exception"));
    }
}
