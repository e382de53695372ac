package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.compiler.llvm.Llvm;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;

/** The LLVM types of one context that the translation uses. */
final class LlvmTypes {
    final LLVMTypeRef i1;
    final LLVMTypeRef i8;
    final LLVMTypeRef i16;
    final LLVMTypeRef i32;
    final LLVMTypeRef i64;
    final LLVMTypeRef f32;
    final LLVMTypeRef f64;
    final LLVMTypeRef ptr;
    final LLVMTypeRef voidType;

    LlvmTypes(LLVMContextRef ctx) {
        i1 = LLVMInt1TypeInContext(ctx);
        i8 = LLVMInt8TypeInContext(ctx);
        i16 = LLVMInt16TypeInContext(ctx);
        i32 = LLVMInt32TypeInContext(ctx);
        i64 = LLVMInt64TypeInContext(ctx);
        f32 = LLVMFloatTypeInContext(ctx);
        f64 = LLVMDoubleTypeInContext(ctx);
        ptr = LLVMPointerTypeInContext(ctx, 0);
        voidType = LLVMVoidTypeInContext(ctx);
    }

    LLVMTypeRef of(ValType t) {
        return switch (t) {
            case I32 -> i32;
            case I64 -> i64;
            case F32 -> f32;
            case F64 -> f64;
            // without GC, wamrc passes references as i32: a function index or an externref index
            case FUNCREF, EXTERNREF -> i32;
        };
    }

    /**
     * The AOT ABI of a wasm function, as wamrc declares it: {@code result0 (exec_env, params...,
     * result1*, result2*...)}: the first result is returned, further results are written through pointers.
     */
    LLVMTypeRef function(FuncType type) {
        List<LLVMTypeRef> params = new ArrayList<>();
        params.add(ptr);
        type.params().forEach(p -> params.add(of(p)));
        for (int i = 1; i < type.results().size(); i++) {
            params.add(ptr);
        }
        LLVMTypeRef ret = type.results().isEmpty() ? voidType : of(type.results().get(0));
        return LLVMFunctionType(ret, Llvm.array(params.toArray(new LLVMTypeRef[0])), params.size(), 0);
    }

    LLVMTypeRef function(LLVMTypeRef ret, LLVMTypeRef... params) {
        return LLVMFunctionType(ret, Llvm.array(params), params.length, 0);
    }
}
