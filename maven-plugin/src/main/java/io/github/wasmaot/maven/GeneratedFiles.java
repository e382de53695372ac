package io.github.wasmaot.maven;

import io.github.wasmaot.format.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The binding classes and sources the compile goal wrote last time, listed one a line ({@code file<TAB>source
 * module}, absolute paths) in a file of the build directory, so that the next run deletes those it no longer writes
 * because their module is gone, or because this run wrote that module's binding elsewhere (another class name or
 * package). A module that still exists but is not compiled this run (excluded) keeps its files, as it keeps its
 * images. Only listed {@code .class}/{@code .java} files under the goal's own output directories are deleted.
 */
final class GeneratedFiles {
    static final String LIST = "wasm-aot-bindings.lst";

    private GeneratedFiles() {
    }

    /**
     * Records {@code now} (generated file → its source module) and deletes the files listed before that are not in
     * {@code now} and whose module is gone or among {@code now}'s modules.
     *
     * @param roots directories the goal writes generated files to; listed files elsewhere are not deleted
     * @return the deleted files, in list order
     */
    static List<Path> replace(Path list, Map<Path, Path> now, Collection<Path> roots) throws IOException {
        Map<Path, Path> keep = new LinkedHashMap<>();
        now.forEach((f, s) -> keep.put(norm(f), norm(s)));
        Set<Path> sourcesNow = new HashSet<>(keep.values());
        List<Path> removed = new ArrayList<>();
        if (Files.isRegularFile(list)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                Path old = norm(Path.of(line.substring(0, tab)));
                Path source = norm(Path.of(line.substring(tab + 1)));
                String name = old.getFileName().toString();
                boolean ours = (name.endsWith(".class") || name.endsWith(".java"))
                        && roots.stream().anyMatch(r -> old.startsWith(norm(r)));
                boolean stale = !Files.exists(source) || sourcesNow.contains(source);
                if (keep.containsKey(old) || !ours) {
                    continue;
                }
                if (!stale) {
                    keep.put(old, source);
                } else if (Files.deleteIfExists(old)) {
                    removed.add(old);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        keep.forEach((f, s) -> text.append(f).append('\t').append(s).append('\n'));
        if (keep.isEmpty()) {
            Files.deleteIfExists(list);
        } else {
            AtomicOutput.write(list, text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return removed;
    }

    private static Path norm(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
