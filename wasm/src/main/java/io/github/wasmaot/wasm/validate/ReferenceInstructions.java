package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.ValType;

/** {@code ref.null}, {@code ref.is_null}, {@code ref.func} (with the declared-reference rule). */
final class ReferenceInstructions implements InstructionRules {

    private final ValidationContext context;

    ReferenceInstructions(ValidationContext context) {
        this.context = context;
    }

    @Override
    public void apply(Instruction in, TypeStack stack) {
        switch (in.opcode()) {
            case REF_NULL -> stack.push(((Immediate.RefType) in.immediate()).type());
            case REF_IS_NULL -> {
                ValType t = stack.pop();
                if (t != TypeStack.UNKNOWN && !t.isReference()) {
                    throw new ValidationFailure("type mismatch: ref.is_null needs a reference, got " + t);
                }
                stack.push(ValType.I32);
            }
            case REF_FUNC -> {
                context.function(in.index());
                if (!context.declaredReferences().contains(in.index())) {
                    throw new ValidationFailure("undeclared function reference");
                }
                stack.push(ValType.FUNCREF);
            }
            default -> throw new IllegalArgumentException("not a reference instruction: " + in);
        }
    }
}
