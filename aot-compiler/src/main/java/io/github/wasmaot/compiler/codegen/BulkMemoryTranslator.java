package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.format.profile.CodegenData;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * {@code memory.init} and {@code data.drop} the way wamrc translates them (aot_emit_memory.c): calls to the
 * runtime's {@code aot_memory_init(inst, seg, offset, len, dst)}, which checks both ranges and sets the
 * exception (the function then returns at once), and {@code aot_data_drop(inst, seg)}. The width of
 * {@code dst} is profile data. {@code memory.copy} and {@code memory.fill} stay inline in
 * {@link MemoryTranslator}.
 */
final class BulkMemoryTranslator {
    private final ModuleContext mc;
    private final LLVMBuilderRef b;
    private final OperandStack stack;
    private final RuntimeAccess runtime;
    private final LlvmTypes t;

    BulkMemoryTranslator(ModuleContext mc, OperandStack stack, RuntimeAccess runtime) {
        this.mc = mc;
        this.b = mc.builder;
        this.stack = stack;
        this.runtime = runtime;
        this.t = mc.types;
    }

    /** Translates {@code insn} if it is {@code memory.init} or {@code data.drop}; false otherwise. */
    boolean translate(Instruction insn) {
        switch (insn.opcode()) {
            case MEMORY_INIT -> init(((Immediate.IndexPair) insn.immediate()).first());
            case DATA_DROP -> mc.call(mc.runtimeHelper(functions().dataDrop(), "data.drop", t.i8, t.ptr, t.i32),
                    runtime.moduleInstance(), mc.constI32(insn.index()));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void init(int segment) {
        LLVMValueRef len = stack.popRef();
        LLVMValueRef offset = stack.popRef();
        LLVMValueRef dst = stack.popRef();
        boolean wide = mc.helperArgs().memoryInitDestinationBytes() == 8;
        LLVMTypeRef dstType = wide ? t.i64 : t.i32;
        Callee init = mc.runtimeHelper(functions().memoryInit(), "memory.init", t.i8, t.ptr, t.i32, t.i32, t.i32,
                dstType);
        LLVMValueRef ok = mc.call(init, runtime.moduleInstance(), mc.constI32(segment), offset, len,
                wide ? LLVMBuildZExt(b, dst, t.i64, "") : dst);
        runtime.returnIf(LLVMBuildICmp(b, LLVMIntEQ, ok, LLVMConstInt(t.i8, 0, 0), ""));
    }

    private CodegenData.RuntimeFunctions functions() {
        return mc.target.data().runtimeFunctions();
    }
}
