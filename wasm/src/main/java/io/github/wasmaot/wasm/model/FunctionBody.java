package io.github.wasmaot.wasm.model;

import io.github.wasmaot.wasm.instruction.Instruction;
import java.util.List;

/**
 * The code of a defined function: its declared locals (parameters excluded) and its decoded
 * instructions, the last one being the function's {@code end}. {@code offset} is where the body's
 * size field starts; {@code codeOffset} where the first instruction starts.
 */
public record FunctionBody(List<LocalGroup> locals, List<Instruction> instructions, int offset, int codeOffset) {
    public FunctionBody {
        locals = List.copyOf(locals);
        instructions = List.copyOf(instructions);
    }
}
