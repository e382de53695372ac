package io.github.wasmaot.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the bundler writes its archives: through AtomicOutput (mode of an ordinary write, refusals, no leftovers). */
class BundleOutputTest {
    @TempDir
    Path tmp;
    Path images;

    @BeforeEach
    void layOut() throws IOException {
        images = tmp.resolve("wasm-aot");
        AotVectors.Entry v = AotVectors.byFile("add.wamr-2.4.x86_64.aot");
        Path dir = Files.createDirectories(images.resolve(v.profile()).resolve(v.isa()));
        Files.copy(v.path(), dir.resolve("add.aot"));
    }

    private BundleRequest request(Path out) throws BundleException {
        return BundleRequest.builder(images, out, "app").formats(BundleFormat.TAR_GZ, BundleFormat.ZIP).build();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void newArchivesHaveTheModeOfAnOrdinaryWriteAndExistingOnesKeepTheirs() throws Exception {
        Path out = tmp.resolve("out");
        BundleResult r = Bundler.bundle(request(out));
        Path ordinary = Files.write(tmp.resolve("ordinary"), new byte[] {1});
        for (Path archive : r.archives().values()) {
            assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(archive), archive.toString());
        }
        Path zip = r.archives().get(BundleFormat.ZIP);
        Files.setPosixFilePermissions(zip, PosixFilePermissions.fromString("rw-r-----"));
        Bundler.bundle(request(out));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(zip)));
        assertEquals(List.of("app.tar.gz", "app.zip"), names(out));
    }

    @Test
    void aDirectoryWhereAnArchiveGoesIsRefusedAndNothingIsLeft() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("app.zip"));
        BundleException e = assertThrows(BundleException.class, () -> Bundler.bundle(request(out)));
        assertEquals("cannot write the bundle: refusing to write " + out.resolve("app.zip") + ": it is a directory",
                e.getMessage());
        assertEquals(List.of("app.zip"), names(out));
        assertTrue(Files.isDirectory(out.resolve("app.zip")));
    }
}
