package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.instruction.Instruction;

/** The typing rules of one group of instructions, applied to the operand/control stacks. */
interface InstructionRules {

    /** Checks {@code instruction} against {@code stack} and applies its effect; throws {@link ValidationFailure}. */
    void apply(Instruction instruction, TypeStack stack);
}
