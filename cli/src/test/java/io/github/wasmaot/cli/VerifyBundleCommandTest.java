package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.bundle.BundleFormat;
import io.github.wasmaot.bundle.BundleRequest;
import io.github.wasmaot.bundle.BundleResult;
import io.github.wasmaot.bundle.Bundler;
import io.github.wasmaot.format.testing.AotVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wasm-aot verify BUNDLE.tar.gz|.zip}: the bundle against its manifest. */
class VerifyBundleCommandTest {
    @TempDir
    Path tmp;
    BundleResult bundle;

    @BeforeEach
    void bundle() throws Exception {
        AotVectors.Entry v = AotVectors.byFile("add.wamr-2.4.x86_64.aot");
        Path dir = tmp.resolve("images").resolve(v.profile()).resolve(v.isa());
        Files.createDirectories(dir);
        Files.copy(v.path(), dir.resolve("add.aot"));
        bundle = Bundler.bundle(BundleRequest.builder(tmp.resolve("images"), tmp.resolve("out"), "app")
                .formats(BundleFormat.TAR_GZ, BundleFormat.ZIP).timestamp(Instant.EPOCH).build());
    }

    @Test
    void soundBundlesPassWithoutARuntime() {
        for (Path archive : bundle.archives().values()) {
            CliRun r = CliRun.of("verify", archive.toString());
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("OK   " + archive + ": aot/wamr-2.4/x86_64/add.aot: wamr-2.4 x86_64, sha256 "),
                    r.out());
            assertTrue(r.out().contains(archive + ": bundle verified, 1 image(s)"), r.out());
        }
    }

    @Test
    void aFlippedByteFails() throws Exception {
        for (Path archive : bundle.archives().values()) {
            byte[] bytes = Files.readAllBytes(archive);
            bytes[bytes.length / 2] ^= 0x01;
            Path flipped = tmp.resolve("flipped-" + archive.getFileName());
            Files.write(flipped, bytes);
            CliRun r = CliRun.of("verify", flipped.toString());
            assertEquals(1, r.exitCode(), r.out() + r.err());
            assertTrue(r.out().contains("FAIL " + flipped + ": "), r.out());
            assertTrue(r.err().isEmpty(), r.err());
        }
    }

    @Test
    void imagesStillNeedARuntimeAndAMissingBundleIsAnIoError() {
        CliRun r = CliRun.of("verify", AotVectors.byFile("add.wamr-2.4.x86_64.aot").path().toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("wasm-aot verify: --runtime is required to verify AOT images"), r.err());
        r = CliRun.of("verify", tmp.resolve("nope.zip").toString());
        assertEquals(2, r.exitCode());
        assertEquals("wasm-aot verify: " + tmp.resolve("nope.zip") + ": no such file", r.err().strip());
    }
}
