package io.github.wasmaot.compiler.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One cell of the compile matrix: a runtime profile (name or alias, e.g. {@code current}) and an ISA.
 *
 * @param runtime runtime profile name or alias
 * @param isa     {@code x86_64} or {@code aarch64} (wamrc spellings are accepted)
 */
public record MatrixCell(String runtime, String isa) {
    public MatrixCell {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(isa, "isa");
    }

    /** Every runtime with every ISA, runtimes outermost, in the given orders. */
    public static List<MatrixCell> product(List<String> runtimes, List<String> isas) {
        List<MatrixCell> cells = new ArrayList<>();
        for (String r : runtimes) {
            for (String i : isas) {
                cells.add(new MatrixCell(r.trim(), i.trim()));
            }
        }
        return List.copyOf(cells);
    }

    @Override
    public String toString() {
        return runtime + "/" + isa;
    }
}
