package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Float operations whose NaN results LLVM must not change. Plain {@code fsub x, 0.0} or {@code fmul x, 1.0} may
 * be folded to {@code x} (LLVM assumes signalling NaNs need not be quieted), so a signalling-NaN operand would
 * come back unquieted where wasm requires an arithmetic NaN. As wamrc does at both pinned revisions
 * (aot_emit_numberic.c: {@code call_llvm_float_experimental_constrained_intrinsic} with
 * {@code "round.tonearest"} and {@code "fpexcept.strict"}, created in aot_llvm.c), add, sub, mul, div and sqrt
 * use the constrained intrinsics, which LLVM folds only when no exception would be raised. Promote and demote
 * get the same treatment (wamrc emits plain fpext/fptrunc, which InstCombine folds away in pairs), and min/max
 * follow wamrc's {@code compile_op_float_min_max}: {@code minnum}/{@code maxnum}, zeros ordered by their bits,
 * and the canonical NaN when either operand is a NaN.
 */
final class StrictFloatOps {
    private final ModuleContext mc;
    private final LLVMBuilderRef b;
    private final LlvmTypes t;
    private final LLVMValueRef roundToNearest;
    private final LLVMValueRef strictExceptions;
    private final LLVMTypeRef metadata;

    StrictFloatOps(ModuleContext mc) {
        this.mc = mc;
        this.b = mc.builder;
        this.t = mc.types;
        this.metadata = LLVMMetadataTypeInContext(mc.ctx);
        this.roundToNearest = metadataString("round.tonearest");
        this.strictExceptions = metadataString("fpexcept.strict");
    }

    private LLVMValueRef metadataString(String s) {
        return LLVMMetadataAsValue(mc.ctx, LLVMMDStringInContext2(mc.ctx, s, s.length()));
    }

    /** {@code op} is one of fadd, fsub, fmul, fdiv. */
    LLVMValueRef arithmetic(String op, LLVMValueRef x, LLVMValueRef y) {
        LLVMTypeRef type = LLVMTypeOf(x);
        return mc.intrinsic("llvm.experimental.constrained." + op + "." + suffix(type), type,
                new LLVMTypeRef[] {type, type, metadata, metadata}, x, y, roundToNearest, strictExceptions);
    }

    LLVMValueRef sqrt(LLVMValueRef x) {
        LLVMTypeRef type = LLVMTypeOf(x);
        return mc.intrinsic("llvm.experimental.constrained.sqrt." + suffix(type), type,
                new LLVMTypeRef[] {type, metadata, metadata}, x, roundToNearest, strictExceptions);
    }

    LLVMValueRef promote(LLVMValueRef f32) {
        return mc.intrinsic("llvm.experimental.constrained.fpext.f64.f32", t.f64,
                new LLVMTypeRef[] {t.f32, metadata}, f32, strictExceptions);
    }

    LLVMValueRef demote(LLVMValueRef f64) {
        return mc.intrinsic("llvm.experimental.constrained.fptrunc.f32.f64", t.f32,
                new LLVMTypeRef[] {t.f64, metadata, metadata}, f64, roundToNearest, strictExceptions);
    }

    /** wasm {@code fN.min} ({@code min} true) or {@code fN.max}. */
    LLVMValueRef minMax(LLVMValueRef x, LLVMValueRef y, boolean min) {
        LLVMTypeRef type = LLVMTypeOf(x);
        LLVMTypeRef bits = type.equals(t.f32) ? t.i32 : t.i64;
        LLVMValueRef eitherNaN = LLVMBuildFCmp(b, LLVMRealUNO, x, y, "is_nan");
        LLVMValueRef equal = LLVMBuildFCmp(b, LLVMRealOEQ, x, y, "is_eq");
        // equal operands may be zeros of different signs: -0 < +0, so or (min) or and (max) their bits
        LLVMValueRef xb = LLVMBuildBitCast(b, x, bits, "");
        LLVMValueRef yb = LLVMBuildBitCast(b, y, bits, "");
        LLVMValueRef zeros = LLVMBuildBitCast(b, min ? LLVMBuildOr(b, xb, yb, "") : LLVMBuildAnd(b, xb, yb, ""),
                type, "");
        LLVMValueRef num = mc.intrinsic((min ? "llvm.minnum." : "llvm.maxnum.") + suffix(type), type,
                new LLVMTypeRef[] {type, type}, x, y);
        LLVMValueRef ordered = LLVMBuildSelect(b, equal, zeros, num, "");
        LLVMValueRef canonicalNaN = LLVMConstBitCast(type.equals(t.f32)
                ? LLVMConstInt(t.i32, 0x7fc00000L, 0) : LLVMConstInt(t.i64, 0x7ff8000000000000L, 0), type);
        return LLVMBuildSelect(b, eitherNaN, canonicalNaN, ordered, min ? "min" : "max");
    }

    private String suffix(LLVMTypeRef type) {
        return type.equals(t.f32) ? "f32" : "f64";
    }
}
