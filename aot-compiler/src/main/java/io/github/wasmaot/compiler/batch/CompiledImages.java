package io.github.wasmaot.compiler.batch;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The images under a compile output root: those filed {@code <profile>/<isa>/<name>.aot} with a directory that
 * names a known runtime profile, and the other {@code *.aot} files found there (placed by hand).
 *
 * @param filed  images in the {@code <profile>/<isa>/} layout, sorted by path
 * @param others every other {@code *.aot} file under the root, sorted
 */
public record CompiledImages(List<CompiledImage> filed, List<Path> others) {
    private static final String SUFFIX = ".aot";

    public CompiledImages {
        filed = List.copyOf(filed);
        others = List.copyOf(others);
    }

    /** Scans {@code root}; a missing root holds no images. */
    public static CompiledImages scan(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return new CompiledImages(List.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<CompiledImage> filed = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path f : files) {
            Path rel = root.relativize(f);
            Optional<RuntimeProfile> profile = rel.getNameCount() == 3
                    ? ProfileCatalog.byNameOrAlias(rel.getName(0).toString()) : Optional.empty();
            if (profile.isEmpty()) {
                others.add(f);
                continue;
            }
            String file = rel.getName(2).toString();
            filed.add(new CompiledImage(f, profile.get().name(), rel.getName(1).toString(),
                    file.substring(0, file.length() - SUFFIX.length()), CompileStamp.readFor(f)));
        }
        return new CompiledImages(filed, others);
    }

    /** True when the root holds no image at all. */
    public boolean isEmpty() {
        return filed.isEmpty() && others.isEmpty();
    }
}
