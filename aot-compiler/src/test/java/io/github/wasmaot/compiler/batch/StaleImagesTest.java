package io.github.wasmaot.compiler.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only stamped images whose source under the source directory is gone are removed. */
class StaleImagesTest {
    @TempDir
    Path dir;

    private Path image(String name, Path source) throws Exception {
        Path image = dir.resolve("out/wamr-2.4/x86_64").resolve(name + ".aot");
        Files.createDirectories(image.getParent());
        Files.write(image, new byte[] {0, 'a', 's', 'm'});
        if (source != null) {
            new CompileStamp(source, "00", "test", List.of("--target=x86_64"), "11").writeFor(image);
        }
        return image;
    }

    @Test
    void removesOnlyImagesOfGoneSourcesUnderTheSourceDirectory() throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Path kept = src.resolve("kept.wasm");
        Files.write(kept, new byte[] {1});
        Path gone = image("gone", src.resolve("sub/gone.wasm"));
        Path alive = image("kept", kept);
        Path elsewhere = image("other", dir.resolve("elsewhere/other.wasm"));
        Path byHand = image("placed", null);

        assertEquals(List.of(gone), StaleImages.remove(dir.resolve("out"), src));
        assertFalse(Files.exists(gone));
        assertFalse(Files.exists(CompileStamp.fileOf(gone)));
        for (Path p : List.of(alive, CompileStamp.fileOf(alive), elsewhere, CompileStamp.fileOf(elsewhere), byHand)) {
            assertTrue(Files.isRegularFile(p), p.toString());
        }
        assertEquals(List.of(), StaleImages.remove(dir.resolve("out"), src));
        assertEquals(List.of(), StaleImages.remove(dir.resolve("missing"), src));
    }
}
