package io.github.wasmaot.maven;

import io.github.wasmaot.bundle.BundleException;
import io.github.wasmaot.bundle.BundleFormat;
import io.github.wasmaot.bundle.BundleRequest;
import io.github.wasmaot.bundle.BundleResult;
import io.github.wasmaot.bundle.Bundler;
import io.github.wasmaot.compiler.batch.CompiledImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts the compiled images, their sources and the bundle manifest under {@code META-INF/wasm-aot/} of a classes
 * directory, laid out as {@code bundle -Dwasm-aot.includeInJar} lays them out in the jar: what generated bindings
 * load at run time. The bundler also wants an archive; it goes to a scratch directory that is deleted.
 *
 * <p>Files under {@code META-INF/wasm-aot/aot/} and {@code META-INF/wasm-aot/wasm/} that the new manifest does not
 * list (images and modules of removed modules) are deleted; with no image left, the manifest goes too. Nothing
 * else in the classes directory is touched.
 */
final class ClassesDirectoryImages {
    static final String FOLDER = "META-INF/wasm-aot";

    private ClassesDirectoryImages() {
    }

    /** @return the files removed from {@code META-INF/wasm-aot/}, sorted */
    static List<Path> write(Path imageRoot, Path classes, Path scratchParent, Instant timestamp)
            throws IOException, BundleException {
        Files.createDirectories(scratchParent);
        Path scratch = Files.createTempDirectory(scratchParent, "wasm-aot-classpath");
        try {
            BundleRequest.Builder b = BundleRequest.builder(imageRoot, scratch, "classpath").formats(BundleFormat.ZIP)
                    .timestamp(timestamp).unpackDirectory(classes.resolve(FOLDER)).requireImages(false);
            StampedImages.apply(b, imageRoot, CompiledImages.scan(imageRoot), Set.of(), scratch.resolve("wasm"));
            BundleResult result = Bundler.bundle(b.build());
            return prune(classes.resolve(FOLDER), new HashSet<>(result.entries()));
        } finally {
            try (Stream<Path> walk = Files.walk(scratch)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Deletes what {@code folder} holds of a former bundle and {@code entries} no longer lists. */
    private static List<Path> prune(Path folder, Set<String> entries) throws IOException {
        List<Path> removed = new ArrayList<>();
        for (String sub : List.of(Bundler.IMAGE_FOLDER, Bundler.WASM_FOLDER)) {
            Path dir = folder.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                String entry = folder.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                if ((name.endsWith(".aot") || name.endsWith(".wasm")) && !entries.contains(entry)) {
                    Files.delete(f);
                    removed.add(f);
                }
            }
        }
        Path manifest = folder.resolve(Bundler.MANIFEST);
        if (entries.isEmpty() && Files.deleteIfExists(manifest)) {
            removed.add(manifest);
        }
        return removed;
    }
}
