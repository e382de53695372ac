package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.bundle.BundleFormat;
import io.github.wasmaot.bundle.BundleRequest;
import io.github.wasmaot.bundle.BundleResult;
import io.github.wasmaot.bundle.Bundler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.compiler.batch.BatchCompiler;
import io.github.wasmaot.compiler.batch.BatchRequest;
import io.github.wasmaot.compiler.batch.MatrixCell;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify goal on bundle archives named by {@code files}. */
class VerifyMojoBundleTest {
    @TempDir
    Path dir;
    BundleResult bundle;

    @BeforeEach
    void bundle() throws Exception {
        Path wasm = dir.resolve("hello.wasm");
        try (InputStream in = VerifyMojoBundleTest.class.getResourceAsStream("/hello.wasm")) {
            Files.copy(in, wasm);
        }
        Path images = dir.resolve("images");
        assertEquals(List.of(), BatchCompiler.compile(new BatchRequest(List.of(wasm),
                MatrixCell.product(List.of("current"), List.of("x86_64")), CompileOptions.of("-", "-"), images))
                .failed());
        bundle = Bundler.bundle(BundleRequest.builder(images, dir.resolve("out"), "app")
                .formats(BundleFormat.TAR_GZ, BundleFormat.ZIP).timestamp(Instant.EPOCH).build());
    }

    private VerifyMojo mojo(Path... files) {
        VerifyMojo m = new VerifyMojo();
        m.runtimes = List.of("current");
        m.files = java.util.Arrays.stream(files).map(Path::toFile).toList();
        m.imageDirectory = dir.resolve("no-images").toFile();
        m.reportDirectory = dir.resolve("reports").toFile();
        m.failOnError = true;
        m.failIfNoImages = true;
        m.basedir = dir.toFile();
        return m;
    }

    @Test
    void soundBundlesPass() throws Exception {
        mojo(bundle.archives().values().toArray(Path[]::new)).execute();
    }

    @Test
    void aFlippedByteFailsTheBuild() throws Exception {
        for (Path archive : bundle.archives().values()) {
            byte[] bytes = Files.readAllBytes(archive);
            bytes[bytes.length / 2] ^= 0x01;
            Path flipped = dir.resolve("flipped-" + archive.getFileName());
            Files.write(flipped, bytes);
            MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(flipped).execute());
            assertTrue(e.getMessage().contains("some bundle differs from its manifest"), e.getMessage());
        }
    }

    @Test
    void aMissingBundleFailsNamingIt() {
        File missing = dir.resolve("missing.tar.gz").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo(missing.toPath()).execute());
        assertEquals(missing + ": no such file", e.getMessage());
    }
}
