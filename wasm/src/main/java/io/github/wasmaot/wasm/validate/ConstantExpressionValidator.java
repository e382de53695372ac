package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.InvalidModuleException;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.ConstantExpression;
import io.github.wasmaot.wasm.model.GlobalType;
import io.github.wasmaot.wasm.model.ValType;
import java.util.List;

/**
 * Validates initializer expressions: only constants, {@code ref.null}, {@code ref.func} and
 * {@code global.get} of an immutable global are allowed, and the result must be one value of
 * the expected type.
 */
final class ConstantExpressionValidator {

    private ConstantExpressionValidator() {
    }

    /**
     * {@code allGlobals} counts the module's globals, imported and defined: a {@code global.get} of a defined one
     * is refused naming the GC proposal (which lets constant expressions read any preceding immutable global).
     */
    static void validate(ConstantExpression expression, ValType expected, ValidationContext context,
                         int allGlobals) {
        TypeStack stack = new TypeStack();
        stack.pushFrame(Opcode.BLOCK, List.of(), List.of(expected));
        for (Instruction in : expression.instructions()) {
            proposal(in, context, allGlobals);
            try {
                apply(in, stack, context);
            } catch (ValidationFailure f) {
                throw new InvalidModuleException(f.getMessage(), in.offset());
            }
        }
    }

    /** Constant instructions that later proposals allow, refused with the spec's wording and the proposal's name. */
    private static void proposal(Instruction in, ValidationContext context, int allGlobals) {
        switch (in.opcode()) {
            case I32_ADD, I32_SUB, I32_MUL, I64_ADD, I64_SUB, I64_MUL -> throw InvalidModuleException.unsupported(
                    "extended-const", "constant expression required", in.opcode().mnemonic()
                            + " in a constant expression", in.offset());
            case GLOBAL_GET -> {
                int index = in.index();
                if (Integer.compareUnsigned(index, context.globalCount()) >= 0
                        && Integer.compareUnsigned(index, allGlobals) < 0) {
                    throw InvalidModuleException.unsupported("GC", "unknown global " + index, "global.get of a"
                            + " global defined in this module (not imported) in a constant expression", in.offset());
                }
            }
            default -> {
            }
        }
    }

    private static void apply(Instruction in, TypeStack stack, ValidationContext context) {
        switch (in.opcode()) {
            case I32_CONST, I64_CONST, F32_CONST, F64_CONST -> stack.pushAll(in.opcode().signature().results());
            case REF_NULL -> stack.push(((Immediate.RefType) in.immediate()).type());
            case REF_FUNC -> {
                context.function(in.index());
                stack.push(ValType.FUNCREF);
            }
            case GLOBAL_GET -> {
                GlobalType g = context.global(in.index());
                if (g.mutable()) {
                    throw new ValidationFailure("constant expression required");
                }
                stack.push(g.valType());
            }
            case END -> stack.popFrame();
            default -> throw new ValidationFailure("constant expression required");
        }
    }
}
