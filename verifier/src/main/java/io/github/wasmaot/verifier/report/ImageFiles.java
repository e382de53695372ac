package io.github.wasmaot.verifier.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Expands inputs into image files: a directory becomes its {@code *.aot} files (sorted), duplicates go. */
final class ImageFiles {
    static final String SUFFIX = ".aot";

    private ImageFiles() {
    }

    static List<Path> expand(List<Path> inputs) throws VerifyException {
        // keyed by absolute path so one image named twice is checked once; kept as the user spelled it
        Map<Path, Path> files = new LinkedHashMap<>();
        for (Path input : inputs) {
            Path p = input.normalize();
            if (Files.isDirectory(p)) {
                imagesUnder(p).forEach(f -> files.putIfAbsent(f.toAbsolutePath().normalize(), f));
            } else if (Files.isRegularFile(p)) {
                files.putIfAbsent(p.toAbsolutePath().normalize(), p);
            } else {
                throw new VerifyException("AOT image or directory not found: " + p);
            }
        }
        return new ArrayList<>(files.values());
    }

    private static List<Path> imagesUnder(Path dir) throws VerifyException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new VerifyException("cannot list AOT images under " + dir + ": " + e.getMessage(), e);
        }
    }
}
