package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.testing.AotVectors;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify goal's pool sizes and {@code poolSize} gate. The real wamr-cba4c782 runtime built with
 * -DWAMR_DISABLE_HW_BOUND_CHECK=1 needed 171,396 bytes to run the hello vector with stack and app heap 16384
 * (bisected by pool-sizing/src/test/judge-harness/pool_harness.c).
 */
class VerifyMojoPoolSizeTest {
    static final long REAL_MINIMUM = 171_396;

    @TempDir
    Path dir;

    private VerifyMojo mojo(Long poolSize) {
        VerifyMojo m = new VerifyMojo();
        m.runtimes = List.of("legacy");
        m.files = List.of(AotVectors.byFile("hello.wamr-cba4c782.x86_64.bounds-checks.aot").path().toFile());
        m.imageDirectory = dir.resolve("no-images").toFile();
        m.reportDirectory = dir.resolve("reports").toFile();
        m.failOnError = true;
        m.failIfNoImages = true;
        m.basedir = dir.toFile();
        m.poolSize = poolSize;
        m.poolStackAndHeap = "16384,16384";
        m.poolConfiguration = "no-hw-bound-check";
        return m;
    }

    @Test
    void aPoolBelowTheRealMinimumFailsTheBuild() {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(REAL_MINIMUM - 1).execute());
        assertTrue(e.getMessage().contains("does not fit the pool") && e.getMessage().contains(" bytes, pool is 171,395"),
                e.getMessage());
    }

    @Test
    void aBigEnoughPoolPassesAndTheReportCoversTheRealMinimum() throws Exception {
        mojo(400_000L).execute();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("reports/pool-size-report.json").toFile());
        assertEquals(1, json.size());
        long run = json.get(0).get("estimate").get("run").asLong();
        assertTrue(run >= REAL_MINIMUM && run <= REAL_MINIMUM * 1.10, json.toString());
        assertTrue(json.get(0).get("fits").asBoolean());
    }

    @Test
    void grownPagesCountAgainstThePool() throws Exception {
        VerifyMojo fits = mojo(400_000L);
        fits.execute();
        VerifyMojo grows = mojo(400_000L);
        grows.poolGrowPages = 8; // 8 more pages of linear memory in the pool (and the old copy while it grows)
        MojoFailureException e = assertThrows(MojoFailureException.class, grows::execute);
        assertTrue(e.getMessage().contains("does not fit the pool") && e.getMessage().contains("pool is 400,000"),
                e.getMessage());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("reports/pool-size-report.json").toFile());
        assertEquals(8, json.get(0).get("growPages").asLong());
        assertTrue(json.get(0).get("needed").asLong() > 400_000, json.toString());
    }

    @Test
    void withoutPoolSizeNothingFails() throws Exception {
        mojo(null).execute();
    }

    @Test
    void wasiEnvAndDirsRaiseThePoolAndABadEntryFailsTheBuild() throws Exception {
        VerifyMojo bare = mojo(null);
        bare.poolConfiguration = "hw-bound-check";
        bare.execute();
        long bareRun = new ObjectMapper().readTree(dir.resolve("reports/pool-size-report.json").toFile())
                .get(0).get("estimate").get("run").asLong();
        VerifyMojo with = mojo(null);
        with.poolConfiguration = "hw-bound-check";
        with.poolWasiEnv = List.of("HOME=/home/wasm-user", "LANG=C.UTF-8");
        with.poolWasiDirs = List.of("/data/app/one", "/data/app/two", "/tmp");
        with.execute();
        long withRun = new ObjectMapper().readTree(dir.resolve("reports/pool-size-report.json").toFile())
                .get(0).get("estimate").get("run").asLong();
        assertTrue(withRun > bareRun, bareRun + " vs " + withRun);
        VerifyMojo bad = mojo(null);
        bad.poolWasiEnv = List.of("NOEQUALS");
        MojoFailureException e = assertThrows(MojoFailureException.class, bad::execute);
        assertTrue(e.getMessage().contains("wasm-aot.poolWasiEnv") && e.getMessage().contains("NOEQUALS"),
                e.getMessage());
    }
}
