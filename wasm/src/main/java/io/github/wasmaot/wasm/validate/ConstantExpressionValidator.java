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

    static void validate(ConstantExpression expression, ValType expected, ValidationContext context) {
        TypeStack stack = new TypeStack();
        stack.pushFrame(Opcode.BLOCK, List.of(), List.of(expected));
        for (Instruction in : expression.instructions()) {
            try {
                apply(in, stack, context);
            } catch (ValidationFailure f) {
                throw new InvalidModuleException(f.getMessage(), in.offset());
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
