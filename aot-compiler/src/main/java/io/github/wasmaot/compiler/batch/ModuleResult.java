package io.github.wasmaot.compiler.batch;

import java.nio.file.Path;
import java.util.List;

/** What happened to one source module in one matrix cell. */
public sealed interface ModuleResult {
    /** The source module. */
    Path source();

    /** The cell as requested. */
    MatrixCell cell();

    /** The image path ({@code <root>/<profile>/<isa>/<name>.aot}); for a failure, where it would have gone. */
    Path image();

    /** One line for a build log: {@code hello.wasm -> wamr-2.4/x86_64/hello.aot: compiled (3 ms)}. */
    String describe(Path outputRoot);

    /** The image was (re)written. */
    record Compiled(Path source, MatrixCell cell, Path image, List<String> options, String reason, long millis)
            implements ModuleResult {
        public String describe(Path outputRoot) {
            return source.getFileName() + " -> " + rel(outputRoot, image) + ": compiled (" + reason + ", " + millis
                    + " ms)";
        }
    }

    /** The image exists and its stamp matches the source, options and compiler: nothing was done. */
    record UpToDate(Path source, MatrixCell cell, Path image, List<String> options) implements ModuleResult {
        public String describe(Path outputRoot) {
            return source.getFileName() + " -> " + rel(outputRoot, image) + ": up to date, skipped";
        }
    }

    /** The module could not be compiled for the cell; any earlier image was left as it was. */
    record Failed(Path source, MatrixCell cell, Path image, String message) implements ModuleResult {
        public String describe(Path outputRoot) {
            return source.getFileName() + " for " + cell + ": FAILED: " + message;
        }
    }

    private static String rel(Path root, Path image) {
        return root.relativize(image).toString().replace(java.io.File.separatorChar, '/');
    }
}
