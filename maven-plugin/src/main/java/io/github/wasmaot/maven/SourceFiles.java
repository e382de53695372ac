package io.github.wasmaot.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * The source modules of the compile goal: files under a directory matching an include and no exclude pattern,
 * Ant-style ({@code **}{@code /*.wasm} also matches {@code a.wasm} at the top), sorted by relative path.
 */
final class SourceFiles {
    private SourceFiles() {
    }

    static List<Path> find(Path dir, List<String> includes, List<String> excludes) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<PathMatcher> in = matchers(includes);
        List<PathMatcher> out = matchers(excludes);
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> {
                        Path rel = dir.relativize(f);
                        return in.stream().anyMatch(m -> m.matches(rel)) && out.stream().noneMatch(m -> m.matches(rel));
                    })
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<PathMatcher> matchers(List<String> patterns) {
        return patterns.stream().map(String::trim).filter(p -> !p.isEmpty())
                .flatMap(p -> p.startsWith("**/") ? Stream.of(p, p.substring(3)) : Stream.of(p))
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p))
                .toList();
    }
}
