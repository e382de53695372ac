package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;

/** Loads, stores, {@code memory.size/grow/fill/copy/init} and {@code data.drop}. */
final class MemoryInstructions implements InstructionRules {

    private final ValidationContext context;
    private final SignatureRules signatures = new SignatureRules();

    MemoryInstructions(ValidationContext context) {
        this.context = context;
    }

    @Override
    public void apply(Instruction in, TypeStack stack) {
        Opcode op = in.opcode();
        if (op == Opcode.DATA_DROP) {
            context.data(in.index());
            return;
        }
        context.memory(0);
        if (op == Opcode.MEMORY_INIT) {
            context.data(((Immediate.IndexPair) in.immediate()).first());
        }
        if (in.immediate() instanceof Immediate.MemArg memArg && memArg.align() > op.naturalAlignment()) {
            throw new ValidationFailure("alignment must not be larger than natural");
        }
        signatures.apply(in, stack);
    }
}
