package io.github.wasmaot.wasm.model;

import io.github.wasmaot.wasm.instruction.Instruction;
import java.util.List;

/** An initializer expression; {@code instructions} ends with {@code end}. */
public record ConstantExpression(List<Instruction> instructions, int offset) {
    public ConstantExpression {
        instructions = List.copyOf(instructions);
    }
}
