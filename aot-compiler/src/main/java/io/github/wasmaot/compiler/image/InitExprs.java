package io.github.wasmaot.compiler.image;

import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.ConstantExpression;

/**
 * Constant expressions in the profile's init-expression form ({@code slot64} or {@code typed}). References
 * are written as the wasm loader leaves them without GC: {@code ref.func i} as a FUNCREF_CONST of {@code i},
 * {@code ref.null} as a REFNULL_CONST holding the runtime's null value.
 */
record InitExprs(String form, String moduleName, long nullRef) {
    InitExpr of(ConstantExpression expr) {
        Instruction first = expr.instructions().get(0);
        if (expr.instructions().size() != 2) {
            throw unsupported(first, "an extended constant expression");
        }
        return switch (first.opcode()) {
            case I32_CONST -> narrow(InitExpr.I32_CONST,
                    Integer.toUnsignedLong(((Immediate.I32Const) first.immediate()).value()));
            case F32_CONST -> narrow(InitExpr.F32_CONST,
                    Integer.toUnsignedLong(((Immediate.F32Const) first.immediate()).bits()));
            case I64_CONST -> wide(InitExpr.I64_CONST, ((Immediate.I64Const) first.immediate()).value());
            case F64_CONST -> wide(InitExpr.F64_CONST, ((Immediate.F64Const) first.immediate()).bits());
            case GLOBAL_GET -> narrow(InitExpr.GET_GLOBAL, Integer.toUnsignedLong(first.index()));
            case REF_NULL -> narrow(InitExpr.REFNULL_CONST, nullRef);
            case REF_FUNC -> narrow(InitExpr.FUNCREF_CONST, Integer.toUnsignedLong(first.index()));
            default -> throw unsupported(first, "constant expression " + first.opcode().mnemonic());
        };
    }

    /** No expression: the offset of a passive or declarative segment (INIT_EXPR_NONE). */
    InitExpr none() {
        return "slot64".equals(form) ? new InitExpr.Slot64(InitExpr.NONE, 0) : new InitExpr.Empty(InitExpr.NONE);
    }

    /**
     * One element of an element segment. The legacy layout stores bare function indexes (a null reference as
     * the null value); the typed layout stores each element as an init expression. Elements that read a global
     * are refused: without GC the runtime copies the stored index without resolving the global.
     */
    InitExpr element(ConstantExpression expr) {
        Instruction first = expr.instructions().get(0);
        if (expr.instructions().size() != 2) {
            throw unsupported(first, "an extended constant expression");
        }
        long value = switch (first.opcode()) {
            case REF_FUNC -> Integer.toUnsignedLong(first.index());
            case REF_NULL -> nullRef;
            default -> throw unsupported(first, "element expression " + first.opcode().mnemonic());
        };
        int type = "slot64".equals(form) || first.opcode() == Opcode.REF_FUNC
                ? InitExpr.FUNCREF_CONST : InitExpr.REFNULL_CONST;
        return new InitExpr.Value32(type, value);
    }

    private InitExpr narrow(int type, long value) {
        return "slot64".equals(form) ? new InitExpr.Slot64(type, value) : new InitExpr.Value32(type, value);
    }

    private InitExpr wide(int type, long value) {
        return "slot64".equals(form) ? new InitExpr.Slot64(type, value) : new InitExpr.Value64(type, value);
    }

    private CompileException unsupported(Instruction insn, String what) {
        return CompileException.notYetTranslated(String.format("%s: %s at offset 0x%x is not supported by this compiler yet",
                moduleName, what, insn.offset()));
    }
}
