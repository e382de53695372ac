package io.github.wasmaot.wasm.validate;

import static io.github.wasmaot.wasm.model.ValType.I32;

import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.ValType;

/** {@code drop} and both forms of {@code select}. */
final class ParametricInstructions implements InstructionRules {

    @Override
    public void apply(Instruction in, TypeStack stack) {
        switch (in.opcode()) {
            case DROP -> stack.pop();
            case SELECT -> untypedSelect(stack);
            case SELECT_TYPED -> {
                var types = ((Immediate.ValueTypes) in.immediate()).types();
                if (types.size() != 1) {
                    throw new ValidationFailure("invalid result arity");
                }
                ValType t = types.get(0);
                stack.pop(I32);
                stack.pop(t);
                stack.pop(t);
                stack.push(t);
            }
            default -> throw new IllegalArgumentException("not a parametric instruction: " + in);
        }
    }

    /** Untyped {@code select} only takes numeric operands (references need the typed form). */
    private static void untypedSelect(TypeStack stack) {
        stack.pop(I32);
        ValType t1 = stack.pop();
        ValType t2 = stack.pop();
        if (!isNumeric(t1) || !isNumeric(t2)) {
            throw new ValidationFailure("type mismatch: select without type needs numeric operands");
        }
        if (t1 != t2 && t1 != TypeStack.UNKNOWN && t2 != TypeStack.UNKNOWN) {
            throw new ValidationFailure("type mismatch: select operands " + t2 + " and " + t1);
        }
        stack.push(t1 == TypeStack.UNKNOWN ? t2 : t1);
    }

    private static boolean isNumeric(ValType t) {
        return t == TypeStack.UNKNOWN || t.isNumeric();
    }
}
