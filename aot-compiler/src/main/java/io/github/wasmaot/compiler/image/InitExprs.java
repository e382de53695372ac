package io.github.wasmaot.compiler.image;

import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.ConstantExpression;

/** Constant expressions in the profile's init-expression form ({@code slot64} or {@code typed}). */
record InitExprs(String form, String moduleName) {
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
            default -> throw unsupported(first, "constant expression " + first.opcode().mnemonic());
        };
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
