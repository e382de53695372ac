package io.github.wasmaot.compiler.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes the compile outputs of modules that are gone: an image filed {@code <profile>/<isa>/<name>.aot} under an
 * output root whose {@link CompileStamp} names a source under the source directory that no longer exists is deleted
 * with its stamp. Images without a stamp (placed by hand), and images whose source lies outside the source
 * directory or still exists (an excluded module keeps its images), are left alone.
 */
public final class StaleImages {
    private StaleImages() {
    }

    /**
     * @return the removed images, sorted
     * @throws IOException when the root cannot be listed or a file cannot be deleted
     */
    public static List<Path> remove(Path outputRoot, Path sourceDirectory) throws IOException {
        Path sources = sourceDirectory.toAbsolutePath().normalize();
        List<Path> removed = new ArrayList<>();
        for (CompiledImage image : CompiledImages.scan(outputRoot).filed()) {
            if (image.stamp().isEmpty()) {
                continue;
            }
            Path source = image.stamp().get().source().toAbsolutePath().normalize();
            if (source.startsWith(sources) && !Files.exists(source)) {
                Files.deleteIfExists(image.file());
                Files.deleteIfExists(CompileStamp.fileOf(image.file()));
                removed.add(image.file());
            }
        }
        return removed;
    }
}
