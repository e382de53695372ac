package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.ValType;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * {@code ref.null}, {@code ref.is_null} and {@code ref.func} as wamrc translates them without GC: a reference
 * is an i32 (a function index, or the runtime's externref index), a null reference the profile's null value.
 */
final class ReferenceTranslator {
    private final ModuleContext mc;
    private final OperandStack stack;
    private final RuntimeAccess runtime;

    ReferenceTranslator(ModuleContext mc, OperandStack stack, RuntimeAccess runtime) {
        this.mc = mc;
        this.stack = stack;
        this.runtime = runtime;
    }

    /** Translates {@code insn} if it is a reference instruction; false otherwise. */
    boolean translate(Instruction insn) {
        switch (insn.opcode()) {
            case REF_NULL -> stack.push(runtime.nullRef(), ((Immediate.RefType) insn.immediate()).type());
            case REF_IS_NULL -> {
                LLVMValueRef isNull = LLVMBuildICmp(mc.builder, LLVMIntEQ, stack.popRef(), runtime.nullRef(), "");
                stack.push(LLVMBuildZExt(mc.builder, isNull, mc.types.i32, ""), ValType.I32);
            }
            case REF_FUNC -> stack.push(LLVMConstInt(mc.types.i32, Integer.toUnsignedLong(insn.index()), 0),
                    ValType.FUNCREF);
            default -> {
                return false;
            }
        }
        return true;
    }
}
