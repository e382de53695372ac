package io.github.wasmaot.maven;

import io.github.wasmaot.bundle.BundleException;
import io.github.wasmaot.bundle.BundleFormat;
import io.github.wasmaot.bundle.BundleRequest;
import io.github.wasmaot.bundle.Bundler;
import io.github.wasmaot.compiler.batch.CompiledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts the compiled images, their sources and the bundle manifest under {@code META-INF/wasm-aot/} of a classes
 * directory, laid out as {@code bundle -Dwasm-aot.includeInJar} lays them out in the jar: what generated bindings
 * load at run time. The bundler also wants an archive; it goes to a scratch directory that is deleted.
 */
final class ClassesDirectoryImages {
    static final String FOLDER = "META-INF/wasm-aot";

    private ClassesDirectoryImages() {
    }

    static void write(Path imageRoot, Path classes, Path scratchParent, Instant timestamp)
            throws IOException, BundleException {
        Files.createDirectories(scratchParent);
        Path scratch = Files.createTempDirectory(scratchParent, "wasm-aot-classpath");
        try {
            BundleRequest.Builder b = BundleRequest.builder(imageRoot, scratch, "classpath").formats(BundleFormat.ZIP)
                    .timestamp(timestamp).unpackDirectory(classes.resolve(FOLDER));
            StampedImages.apply(b, imageRoot, CompiledImages.scan(imageRoot), Set.of(), scratch.resolve("wasm"));
            Bundler.bundle(b.build());
        } finally {
            try (Stream<Path> walk = Files.walk(scratch)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
