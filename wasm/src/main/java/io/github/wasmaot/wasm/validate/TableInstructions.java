package io.github.wasmaot.wasm.validate;

import static io.github.wasmaot.wasm.model.ValType.I32;

import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.ValType;

/** {@code table.get/set/size/grow/fill/copy/init} and {@code elem.drop}. */
final class TableInstructions implements InstructionRules {

    private final ValidationContext context;

    TableInstructions(ValidationContext context) {
        this.context = context;
    }

    @Override
    public void apply(Instruction in, TypeStack stack) {
        switch (in.opcode()) {
            case TABLE_GET -> {
                ValType t = element(in.index());
                stack.pop(I32);
                stack.push(t);
            }
            case TABLE_SET -> {
                stack.pop(element(in.index()));
                stack.pop(I32);
            }
            case TABLE_SIZE -> {
                context.table(in.index());
                stack.push(I32);
            }
            case TABLE_GROW -> {
                ValType t = element(in.index());
                stack.pop(I32);
                stack.pop(t);
                stack.push(I32);
            }
            case TABLE_FILL -> {
                ValType t = element(in.index());
                stack.pop(I32);
                stack.pop(t);
                stack.pop(I32);
            }
            case TABLE_COPY -> {
                Immediate.IndexPair pair = (Immediate.IndexPair) in.immediate();
                requireSame(element(pair.first()), element(pair.second()));
                popThreeI32(stack);
            }
            case TABLE_INIT -> {
                Immediate.IndexPair pair = (Immediate.IndexPair) in.immediate();
                ValType table = element(pair.second());
                requireSame(table, context.element(pair.first()));
                popThreeI32(stack);
            }
            case ELEM_DROP -> context.element(in.index());
            default -> throw new IllegalArgumentException("not a table instruction: " + in);
        }
    }

    private ValType element(int table) {
        return context.table(table).elementType();
    }

    private static void requireSame(ValType destination, ValType source) {
        if (destination != source) {
            throw new ValidationFailure("type mismatch: " + source + " into a table of " + destination);
        }
    }

    private static void popThreeI32(TypeStack stack) {
        stack.pop(I32);
        stack.pop(I32);
        stack.pop(I32);
    }
}
