package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.FuncType;

/** Instructions whose operand types are fixed by the opcode (numeric operators, constants, conversions). */
final class SignatureRules implements InstructionRules {

    @Override
    public void apply(Instruction in, TypeStack stack) {
        FuncType signature = in.opcode().signature();
        stack.popAll(signature.params());
        stack.pushAll(signature.results());
    }
}
