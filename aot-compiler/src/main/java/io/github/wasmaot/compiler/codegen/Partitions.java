package io.github.wasmaot.compiler.codegen;

import io.github.wasmaot.wasm.model.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the defined functions into consecutive ranges, each compiled in its own LLVM context: a range closes when
 * it holds {@link #maxFunctions()} functions or {@link #maxInstructions()} instructions. The split depends on the
 * module and these two limits only (never on the thread count or the machine), so the image bytes do not either.
 * Both limits can be set with the system properties {@value #FUNCTIONS_PROPERTY} and
 * {@value #INSTRUCTIONS_PROPERTY} (tests force many partitions on small modules with them).
 */
public final class Partitions {
    /** System property: at most this many functions per partition. */
    public static final String FUNCTIONS_PROPERTY = "wasmaot.compiler.partitionFunctions";
    /** System property: a partition closes once it holds this many wasm instructions. */
    public static final String INSTRUCTIONS_PROPERTY = "wasmaot.compiler.partitionInstructions";
    static final int DEFAULT_FUNCTIONS = 4096;
    static final int DEFAULT_INSTRUCTIONS = 150_000;

    /** Defined functions {@code [from, to)}. */
    public record Range(int from, int to) {
    }

    private Partitions() {
    }

    static int maxFunctions() {
        return Integer.max(1, Integer.getInteger(FUNCTIONS_PROPERTY, DEFAULT_FUNCTIONS));
    }

    static int maxInstructions() {
        return Integer.max(1, Integer.getInteger(INSTRUCTIONS_PROPERTY, DEFAULT_INSTRUCTIONS));
    }

    /** The ranges for {@code wasm}; one (possibly empty) range for a module with few functions. */
    public static List<Range> of(WasmModule wasm) {
        int maxFunctions = maxFunctions();
        long maxInstructions = maxInstructions();
        List<Range> out = new ArrayList<>();
        int total = wasm.code().size();
        int from = 0;
        long instructions = 0;
        for (int i = 0; i < total; i++) {
            instructions += wasm.code().get(i).instructions().size();
            if (i + 1 - from >= maxFunctions || instructions >= maxInstructions) {
                out.add(new Range(from, i + 1));
                from = i + 1;
                instructions = 0;
            }
        }
        if (from < total || out.isEmpty()) {
            out.add(new Range(from, total));
        }
        return out;
    }
}
