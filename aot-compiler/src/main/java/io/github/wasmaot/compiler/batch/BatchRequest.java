package io.github.wasmaot.compiler.batch;

import io.github.wasmaot.compiler.CompileOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a batch compiles: every source module for every matrix cell, into
 * {@code <outputRoot>/<profile>/<isa>/<name>.aot} ({@code <profile>} the canonical profile name, {@code <name>}
 * the source's file name without {@code .wasm}).
 *
 * @param sources         the {@code .wasm} files; two with the same file name would write the same image, which is
 *                        an error
 * @param matrix          the (runtime, ISA) cells, at least one
 * @param options         opt level, bounds checks and CPU for every cell; its runtime and ISA are replaced by each
 *                        cell's
 * @param outputRoot      root of the images
 * @param compilerVersion recorded in each image's stamp and part of the up-to-date check; null: this compiler's
 *                        ({@link CompilerVersion#current()})
 */
public record BatchRequest(List<Path> sources, List<MatrixCell> matrix, CompileOptions options, Path outputRoot,
                           String compilerVersion) {
    public BatchRequest {
        sources = List.copyOf(sources);
        matrix = List.copyOf(matrix);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(outputRoot, "outputRoot");
        if (matrix.isEmpty()) {
            throw new IllegalArgumentException("the compile matrix needs at least one (runtime, ISA) cell");
        }
        compilerVersion = compilerVersion == null || compilerVersion.isBlank() ? CompilerVersion.current()
                : compilerVersion.trim();
    }

    public BatchRequest(List<Path> sources, List<MatrixCell> matrix, CompileOptions options, Path outputRoot) {
        this(sources, matrix, options, outputRoot, null);
    }

    /** The same batch with other options. */
    BatchRequest withOptions(CompileOptions other) {
        return new BatchRequest(sources, matrix, other, outputRoot, compilerVersion);
    }

    /** The options of one cell. */
    CompileOptions optionsFor(MatrixCell cell) {
        return options.forCell(cell.runtime(), cell.isa());
    }
}
