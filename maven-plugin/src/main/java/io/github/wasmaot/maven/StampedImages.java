package io.github.wasmaot.maven;

import io.github.wasmaot.bundle.BundleRequest;
import io.github.wasmaot.bundle.CompilerInfo;
import io.github.wasmaot.compiler.batch.CompileStamp;
import io.github.wasmaot.compiler.batch.CompiledImage;
import io.github.wasmaot.compiler.batch.CompiledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * What the compile stamps tell a bundle: compiler version and canonical options of each compiled image, and its
 * source module, staged flat as {@code <name>.wasm} (the bundle's source lookup) because compiled sources may sit
 * in several directories.
 */
final class StampedImages {
    private StampedImages() {
    }

    /**
     * Adds a compiler entry for every stamped image whose key ({@code <profile>/<isa>/<name>.aot} or file name) is
     * not in {@code explicit}, and, when {@code staging} is not null, copies the stamped sources there and makes it
     * the source directory.
     *
     * @return how many images had a stamp
     */
    static int apply(BundleRequest.Builder request, Path root, CompiledImages images, Set<String> explicit,
                     Path staging) throws IOException {
        int stamped = 0;
        for (CompiledImage image : images.filed()) {
            if (image.stamp().isEmpty()) {
                continue;
            }
            stamped++;
            CompileStamp stamp = image.stamp().get();
            String rel = root.relativize(image.file()).toString().replace(java.io.File.separatorChar, '/');
            if (!explicit.contains(rel) && !explicit.contains(image.file().getFileName().toString())) {
                request.compiler(rel, new CompilerInfo(stamp.compiler(), stamp.options()));
            }
            if (staging != null && Files.isRegularFile(stamp.source())) {
                Files.createDirectories(staging);
                Files.copy(stamp.source(), staging.resolve(image.name() + ".wasm"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (staging != null && stamped > 0) {
            request.sourceDirectory(staging);
        }
        return stamped;
    }
}
