package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * The native stack overflow check at a function's entry ({@code --stack-bounds-checks}): the address of a
 * fresh stack slot stands for the stack pointer; when it minus the function's frame estimate falls below
 * {@code exec_env->native_stack_boundary}, or would wrap, the function raises "native stack overflow" through
 * the runtime's exception helper and returns. That is the test wamrc's code makes: the legacy wamrc compares
 * its last alloca with the boundary plus the callee's cells before each call (aot_emit_function.c
 * {@code check_stack_boundary}); WAMR 2.4 makes it in a wrapper around each function with the frame size
 * LLVM reported (aot_llvm.c {@code aot_build_precheck_function}). The runtime sets the boundary some bytes
 * above its guard pages (cba4c782: 512, WAMR 2.4: 3 KB), which absorbs an estimate that is a little short.
 */
final class NativeStackCheck {
    /** Bytes per wasm cell in the estimate: a 4-byte cell may take an 8-byte spill slot. */
    private static final long BYTES_PER_CELL = 8;
    /** Return address, saved registers and the outgoing arguments of a call, as WAMR 2.4 over-estimates them. */
    private static final long CALL_OVERHEAD = 128;

    private NativeStackCheck() {
    }

    /**
     * Emits the check at the end of {@code entry}, replacing the entry's branch to {@code body}; call when
     * the function is complete, so that its cell numbers are known.
     */
    static void emit(ModuleContext mc, RuntimeAccess runtime, LLVMValueRef function, LLVMBasicBlockRef entry,
                     LLVMBasicBlockRef body, int localCells, int stackCells) {
        LLVMBuilderRef b = mc.builder;
        LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
        LLVMInstructionEraseFromParent(LLVMGetBasicBlockTerminator(entry));
        LLVMPositionBuilderAtEnd(b, entry);
        long frame = CALL_OVERHEAD + BYTES_PER_CELL * ((long) localCells + stackCells);
        LLVMValueRef slot = LLVMBuildAlloca(b, mc.types.i8, "sp_probe");
        LLVMValueRef sp = LLVMBuildPtrToInt(b, slot, mc.types.i64, "sp");
        LLVMValueRef size = LLVMConstInt(mc.types.i64, frame, 0);
        LLVMValueRef boundary = LLVMBuildPtrToInt(b, LLVMBuildLoad2(b, mc.types.ptr,
                runtime.byteOffset(LLVMGetParam(function, 0), mc.target.structs().execEnv().nativeStackBoundary()),
                "native_stack_boundary"), mc.types.i64, "");
        LLVMValueRef wraps = LLVMBuildICmp(b, LLVMIntULT, sp, size, "");
        LLVMValueRef below = LLVMBuildICmp(b, LLVMIntULT, LLVMBuildSub(b, sp, size, ""), boundary, "");
        runtime.trapIf(LLVMBuildOr(b, wraps, below, ""), "native stack overflow");
        LLVMBuildBr(b, body);
        if (here != null && !here.isNull() && !here.equals(entry)) {
            LLVMPositionBuilderAtEnd(b, here);
        }
    }
}
