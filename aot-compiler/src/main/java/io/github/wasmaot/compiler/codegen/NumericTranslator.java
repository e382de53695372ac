package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.ValType;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Constants, comparisons, arithmetic and conversions of i32/i64/f32/f64. Trapping operations test their
 * operands and raise the runtime's exception ("integer divide by zero", "integer overflow",
 * "invalid conversion to integer") as wamrc does. Float operations that can produce a NaN go through
 * {@link StrictFloatOps} so that LLVM's folding cannot change NaN results.
 */
final class NumericTranslator {
    private final ModuleContext mc;
    private final LLVMBuilderRef b;
    private final OperandStack stack;
    private final RuntimeAccess runtime;
    private final LlvmTypes t;
    private final StrictFloatOps floats;

    NumericTranslator(ModuleContext mc, OperandStack stack, RuntimeAccess runtime) {
        this.mc = mc;
        this.b = mc.builder;
        this.stack = stack;
        this.runtime = runtime;
        this.t = mc.types;
        this.floats = new StrictFloatOps(mc);
    }

    /** Translates {@code insn} if it is a numeric instruction; false otherwise. */
    boolean translate(Instruction insn) {
        Opcode op = insn.opcode();
        switch (op) {
            case I32_CONST -> stack.push(LLVMConstInt(t.i32, ((Immediate.I32Const) insn.immediate()).value(), 1),
                    ValType.I32);
            case I64_CONST -> stack.push(LLVMConstInt(t.i64, ((Immediate.I64Const) insn.immediate()).value(), 1),
                    ValType.I64);
            case F32_CONST -> stack.push(LLVMConstBitCast(LLVMConstInt(t.i32,
                    Integer.toUnsignedLong(((Immediate.F32Const) insn.immediate()).bits()), 0), t.f32), ValType.F32);
            case F64_CONST -> stack.push(LLVMConstBitCast(LLVMConstInt(t.i64,
                    ((Immediate.F64Const) insn.immediate()).bits(), 0), t.f64), ValType.F64);
            default -> {
                if (op.signature() == null || op.category() != Opcode.Category.NUMERIC) {
                    return false;
                }
                return translateNumeric(op);
            }
        }
        return true;
    }

    private boolean translateNumeric(Opcode op) {
        ValType resultType = op.signature().results().get(0);
        int arity = op.signature().params().size();
        LLVMValueRef r;
        if (arity == 1) {
            LLVMValueRef a = stack.popRef();
            r = unary(op, a);
        } else {
            LLVMValueRef y = stack.popRef();
            LLVMValueRef x = stack.popRef();
            r = binary(op, x, y);
        }
        if (r == null) {
            return false;
        }
        stack.push(r, resultType);
        return true;
    }

    private LLVMValueRef binary(Opcode op, LLVMValueRef x, LLVMValueRef y) {
        return switch (op) {
            case I32_EQ, I64_EQ -> cmp(LLVMIntEQ, x, y);
            case I32_NE, I64_NE -> cmp(LLVMIntNE, x, y);
            case I32_LT_S, I64_LT_S -> cmp(LLVMIntSLT, x, y);
            case I32_LT_U, I64_LT_U -> cmp(LLVMIntULT, x, y);
            case I32_GT_S, I64_GT_S -> cmp(LLVMIntSGT, x, y);
            case I32_GT_U, I64_GT_U -> cmp(LLVMIntUGT, x, y);
            case I32_LE_S, I64_LE_S -> cmp(LLVMIntSLE, x, y);
            case I32_LE_U, I64_LE_U -> cmp(LLVMIntULE, x, y);
            case I32_GE_S, I64_GE_S -> cmp(LLVMIntSGE, x, y);
            case I32_GE_U, I64_GE_U -> cmp(LLVMIntUGE, x, y);
            case F32_EQ, F64_EQ -> fcmp(LLVMRealOEQ, x, y);
            case F32_NE, F64_NE -> fcmp(LLVMRealUNE, x, y);
            case F32_LT, F64_LT -> fcmp(LLVMRealOLT, x, y);
            case F32_GT, F64_GT -> fcmp(LLVMRealOGT, x, y);
            case F32_LE, F64_LE -> fcmp(LLVMRealOLE, x, y);
            case F32_GE, F64_GE -> fcmp(LLVMRealOGE, x, y);
            case I32_ADD, I64_ADD -> LLVMBuildAdd(b, x, y, "");
            case I32_SUB, I64_SUB -> LLVMBuildSub(b, x, y, "");
            case I32_MUL, I64_MUL -> LLVMBuildMul(b, x, y, "");
            case I32_AND, I64_AND -> LLVMBuildAnd(b, x, y, "");
            case I32_OR, I64_OR -> LLVMBuildOr(b, x, y, "");
            case I32_XOR, I64_XOR -> LLVMBuildXor(b, x, y, "");
            case I32_SHL, I64_SHL -> LLVMBuildShl(b, x, shiftCount(x, y), "");
            case I32_SHR_S, I64_SHR_S -> LLVMBuildAShr(b, x, shiftCount(x, y), "");
            case I32_SHR_U, I64_SHR_U -> LLVMBuildLShr(b, x, shiftCount(x, y), "");
            case I32_ROTL, I64_ROTL -> funnel("llvm.fshl", x, x, y);
            case I32_ROTR, I64_ROTR -> funnel("llvm.fshr", x, x, y);
            case I32_DIV_S, I64_DIV_S -> {
                checkDivisor(y);
                checkSignedOverflow(x, y);
                yield LLVMBuildSDiv(b, x, y, "");
            }
            case I32_DIV_U, I64_DIV_U -> {
                checkDivisor(y);
                yield LLVMBuildUDiv(b, x, y, "");
            }
            case I32_REM_S, I64_REM_S -> {
                checkDivisor(y);
                // INT_MIN % -1 is 0 in wasm but undefined in LLVM: divide by 1 instead
                LLVMValueRef minusOne = LLVMBuildICmp(b, LLVMIntEQ, y, LLVMConstAllOnes(LLVMTypeOf(y)), "");
                LLVMValueRef safe = LLVMBuildSelect(b, minusOne, LLVMConstInt(LLVMTypeOf(y), 1, 0), y, "");
                yield LLVMBuildSRem(b, x, safe, "");
            }
            case I32_REM_U, I64_REM_U -> {
                checkDivisor(y);
                yield LLVMBuildURem(b, x, y, "");
            }
            case F32_ADD, F64_ADD -> floats.arithmetic("fadd", x, y);
            case F32_SUB, F64_SUB -> floats.arithmetic("fsub", x, y);
            case F32_MUL, F64_MUL -> floats.arithmetic("fmul", x, y);
            case F32_DIV, F64_DIV -> floats.arithmetic("fdiv", x, y);
            case F32_MIN, F64_MIN -> floats.minMax(x, y, true);
            case F32_MAX, F64_MAX -> floats.minMax(x, y, false);
            case F32_COPYSIGN, F64_COPYSIGN -> floatIntrinsic("llvm.copysign", x, y);
            default -> null;
        };
    }

    private LLVMValueRef unary(Opcode op, LLVMValueRef a) {
        return switch (op) {
            case I32_EQZ, I64_EQZ -> cmp(LLVMIntEQ, a, LLVMConstNull(LLVMTypeOf(a)));
            case I32_CLZ, I64_CLZ -> bitCount("llvm.ctlz", a, true);
            case I32_CTZ, I64_CTZ -> bitCount("llvm.cttz", a, true);
            case I32_POPCNT, I64_POPCNT -> bitCount("llvm.ctpop", a, false);
            case F32_ABS, F64_ABS -> floatIntrinsic("llvm.fabs", a);
            case F32_NEG, F64_NEG -> LLVMBuildFNeg(b, a, "");
            case F32_CEIL, F64_CEIL -> floatIntrinsic("llvm.ceil", a);
            case F32_FLOOR, F64_FLOOR -> floatIntrinsic("llvm.floor", a);
            case F32_TRUNC, F64_TRUNC -> floatIntrinsic("llvm.trunc", a);
            case F32_NEAREST, F64_NEAREST -> floatIntrinsic("llvm.rint", a);
            case F32_SQRT, F64_SQRT -> floats.sqrt(a);
            case I32_WRAP_I64 -> LLVMBuildTrunc(b, a, t.i32, "");
            case I64_EXTEND_I32_S -> LLVMBuildSExt(b, a, t.i64, "");
            case I64_EXTEND_I32_U -> LLVMBuildZExt(b, a, t.i64, "");
            case I32_EXTEND8_S -> signExtendFrom(a, t.i8, t.i32);
            case I32_EXTEND16_S -> signExtendFrom(a, t.i16, t.i32);
            case I64_EXTEND8_S -> signExtendFrom(a, t.i8, t.i64);
            case I64_EXTEND16_S -> signExtendFrom(a, t.i16, t.i64);
            case I64_EXTEND32_S -> signExtendFrom(a, t.i32, t.i64);
            case F32_CONVERT_I32_S, F32_CONVERT_I64_S -> LLVMBuildSIToFP(b, a, t.f32, "");
            case F32_CONVERT_I32_U, F32_CONVERT_I64_U -> LLVMBuildUIToFP(b, a, t.f32, "");
            case F64_CONVERT_I32_S, F64_CONVERT_I64_S -> LLVMBuildSIToFP(b, a, t.f64, "");
            case F64_CONVERT_I32_U, F64_CONVERT_I64_U -> LLVMBuildUIToFP(b, a, t.f64, "");
            case F32_DEMOTE_F64 -> floats.demote(a);
            case F64_PROMOTE_F32 -> floats.promote(a);
            case I32_REINTERPRET_F32 -> LLVMBuildBitCast(b, a, t.i32, "");
            case I64_REINTERPRET_F64 -> LLVMBuildBitCast(b, a, t.i64, "");
            case F32_REINTERPRET_I32 -> LLVMBuildBitCast(b, a, t.f32, "");
            case F64_REINTERPRET_I64 -> LLVMBuildBitCast(b, a, t.f64, "");
            case I32_TRUNC_F32_S -> truncChecked(a, t.i32, true, -2147483904.0, 2147483648.0);
            case I32_TRUNC_F64_S -> truncChecked(a, t.i32, true, -2147483649.0, 2147483648.0);
            case I32_TRUNC_F32_U, I32_TRUNC_F64_U -> truncChecked(a, t.i32, false, -1.0, 4294967296.0);
            case I64_TRUNC_F32_S -> truncChecked(a, t.i64, true, -9223373136366403584.0, 9223372036854775808.0);
            case I64_TRUNC_F64_S -> truncChecked(a, t.i64, true, -9223372036854777856.0, 9223372036854775808.0);
            case I64_TRUNC_F32_U, I64_TRUNC_F64_U -> truncChecked(a, t.i64, false, -1.0, 18446744073709551616.0);
            case I32_TRUNC_SAT_F32_S, I32_TRUNC_SAT_F64_S -> saturating("llvm.fptosi.sat", a, t.i32);
            case I32_TRUNC_SAT_F32_U, I32_TRUNC_SAT_F64_U -> saturating("llvm.fptoui.sat", a, t.i32);
            case I64_TRUNC_SAT_F32_S, I64_TRUNC_SAT_F64_S -> saturating("llvm.fptosi.sat", a, t.i64);
            case I64_TRUNC_SAT_F32_U, I64_TRUNC_SAT_F64_U -> saturating("llvm.fptoui.sat", a, t.i64);
            default -> null;
        };
    }

    private LLVMValueRef cmp(int predicate, LLVMValueRef x, LLVMValueRef y) {
        return LLVMBuildZExt(b, LLVMBuildICmp(b, predicate, x, y, ""), t.i32, "");
    }

    private LLVMValueRef fcmp(int predicate, LLVMValueRef x, LLVMValueRef y) {
        return LLVMBuildZExt(b, LLVMBuildFCmp(b, predicate, x, y, ""), t.i32, "");
    }

    private LLVMValueRef shiftCount(LLVMValueRef x, LLVMValueRef y) {
        LLVMTypeRef type = LLVMTypeOf(x);
        return LLVMBuildAnd(b, y, LLVMConstInt(type, LLVMGetIntTypeWidth(type) - 1, 0), "");
    }

    private String suffix(LLVMTypeRef type) {
        if (type.equals(t.i32)) {
            return "i32";
        } else if (type.equals(t.i64)) {
            return "i64";
        } else if (type.equals(t.f32)) {
            return "f32";
        }
        return "f64";
    }

    private LLVMValueRef funnel(String base, LLVMValueRef hi, LLVMValueRef lo, LLVMValueRef amount) {
        LLVMTypeRef type = LLVMTypeOf(hi);
        return mc.intrinsic(base + "." + suffix(type), type, new LLVMTypeRef[] {type, type, type}, hi, lo, amount);
    }

    private LLVMValueRef bitCount(String base, LLVMValueRef a, boolean hasZeroFlag) {
        LLVMTypeRef type = LLVMTypeOf(a);
        if (hasZeroFlag) {
            return mc.intrinsic(base + "." + suffix(type), type, new LLVMTypeRef[] {type, t.i1}, a,
                    LLVMConstInt(t.i1, 0, 0));
        }
        return mc.intrinsic(base + "." + suffix(type), type, new LLVMTypeRef[] {type}, a);
    }

    private LLVMValueRef floatIntrinsic(String base, LLVMValueRef... args) {
        LLVMTypeRef type = LLVMTypeOf(args[0]);
        LLVMTypeRef[] params = new LLVMTypeRef[args.length];
        java.util.Arrays.fill(params, type);
        return mc.intrinsic(base + "." + suffix(type), type, params, args);
    }

    private LLVMValueRef signExtendFrom(LLVMValueRef a, LLVMTypeRef narrow, LLVMTypeRef wide) {
        return LLVMBuildSExt(b, LLVMBuildTrunc(b, a, narrow, ""), wide, "");
    }

    private void checkDivisor(LLVMValueRef y) {
        runtime.trapIf(LLVMBuildICmp(b, LLVMIntEQ, y, LLVMConstNull(LLVMTypeOf(y)), ""),
                "integer divide by zero");
    }

    private void checkSignedOverflow(LLVMValueRef x, LLVMValueRef y) {
        LLVMTypeRef type = LLVMTypeOf(x);
        long min = LLVMGetIntTypeWidth(type) == 32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        LLVMValueRef isMin = LLVMBuildICmp(b, LLVMIntEQ, x, LLVMConstInt(type, min, 1), "");
        LLVMValueRef isMinusOne = LLVMBuildICmp(b, LLVMIntEQ, y, LLVMConstAllOnes(type), "");
        runtime.trapIf(LLVMBuildAnd(b, isMin, isMinusOne, ""), "integer overflow");
    }

    /** fptosi/fptoui after the wasm checks: NaN traps as invalid conversion, out of (min, max) as overflow. */
    private LLVMValueRef truncChecked(LLVMValueRef a, LLVMTypeRef to, boolean signed, double min, double max) {
        LLVMTypeRef from = LLVMTypeOf(a);
        runtime.trapIf(LLVMBuildFCmp(b, LLVMRealUNO, a, a, ""), "invalid conversion to integer");
        LLVMValueRef aboveMin = LLVMBuildFCmp(b, LLVMRealOGT, a, LLVMConstReal(from, min), "");
        LLVMValueRef belowMax = LLVMBuildFCmp(b, LLVMRealOLT, a, LLVMConstReal(from, max), "");
        LLVMValueRef inRange = LLVMBuildAnd(b, aboveMin, belowMax, "");
        runtime.trapIf(LLVMBuildNot(b, inRange, ""), "integer overflow");
        return signed ? LLVMBuildFPToSI(b, a, to, "") : LLVMBuildFPToUI(b, a, to, "");
    }

    private LLVMValueRef saturating(String base, LLVMValueRef a, LLVMTypeRef to) {
        LLVMTypeRef from = LLVMTypeOf(a);
        return mc.intrinsic(base + "." + suffix(to) + "." + suffix(from), to, new LLVMTypeRef[] {from}, a);
    }
}
