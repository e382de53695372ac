package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.compiler.llvm.Llvm;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMUseRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Linear-memory loads and stores, {@code memory.size} and {@code memory.grow}, against the memory instance
 * the runtime keeps in the module instance. With bounds checks on, every access is tested against
 * {@code memory_data_size} ("out of bounds memory access"); without, 64-bit runtimes trap through their
 * guard pages.
 */
final class MemoryTranslator {
    private final ModuleContext mc;
    private final LLVMBuilderRef b;
    private final OperandStack stack;
    private final RuntimeAccess runtime;
    private final LlvmTypes t;
    /** Loads that rely on the guard pages to trap, with the value each pushed (the load or its extension). */
    private final List<GuardedLoad> guardedLoads = new ArrayList<>();

    MemoryTranslator(ModuleContext mc, OperandStack stack, RuntimeAccess runtime) {
        this.mc = mc;
        this.b = mc.builder;
        this.stack = stack;
        this.runtime = runtime;
        this.t = mc.types;
    }

    /** Translates {@code insn} if it is a supported memory instruction; false otherwise. */
    boolean translate(Instruction insn) {
        switch (insn.opcode()) {
            case I32_LOAD -> load(insn, t.i32, ValType.I32, Extend.NONE);
            case I64_LOAD -> load(insn, t.i64, ValType.I64, Extend.NONE);
            case F32_LOAD -> load(insn, t.f32, ValType.F32, Extend.NONE);
            case F64_LOAD -> load(insn, t.f64, ValType.F64, Extend.NONE);
            case I32_LOAD8_S -> load(insn, t.i8, ValType.I32, Extend.SIGNED);
            case I32_LOAD8_U -> load(insn, t.i8, ValType.I32, Extend.UNSIGNED);
            case I32_LOAD16_S -> load(insn, t.i16, ValType.I32, Extend.SIGNED);
            case I32_LOAD16_U -> load(insn, t.i16, ValType.I32, Extend.UNSIGNED);
            case I64_LOAD8_S -> load(insn, t.i8, ValType.I64, Extend.SIGNED);
            case I64_LOAD8_U -> load(insn, t.i8, ValType.I64, Extend.UNSIGNED);
            case I64_LOAD16_S -> load(insn, t.i16, ValType.I64, Extend.SIGNED);
            case I64_LOAD16_U -> load(insn, t.i16, ValType.I64, Extend.UNSIGNED);
            case I64_LOAD32_S -> load(insn, t.i32, ValType.I64, Extend.SIGNED);
            case I64_LOAD32_U -> load(insn, t.i32, ValType.I64, Extend.UNSIGNED);
            case I32_STORE, I64_STORE, F32_STORE, F64_STORE -> store(insn, null);
            case I32_STORE8, I64_STORE8 -> store(insn, t.i8);
            case I32_STORE16, I64_STORE16 -> store(insn, t.i16);
            case I64_STORE32 -> store(insn, t.i32);
            case MEMORY_SIZE -> stack.push(runtime.pageCount(), ValType.I32);
            case MEMORY_GROW -> grow();
            case MEMORY_FILL -> fill();
            case MEMORY_COPY -> copy();
            default -> {
                return false;
            }
        }
        return true;
    }

    private enum Extend { NONE, SIGNED, UNSIGNED }

    private record GuardedLoad(LLVMValueRef load, LLVMValueRef pushed) {
    }

    /**
     * Call when the function is complete. A load whose value nothing reads (e.g. {@code drop (i32.load ..)}, or a
     * {@code local.set} to a local that is never read) is deleted by LLVM, and with it the guard-page fault that
     * must trap when the address is out of bounds: such loads become volatile, which LLVM keeps. (With software
     * bounds checks the explicit check traps instead.) Loads whose values are read are left alone, so they are
     * optimised as before. Not caught: a value stored to a local that is overwritten before it is read.
     */
    void keepUnusedGuardedLoads() {
        for (GuardedLoad g : guardedLoads) {
            if (neverRead(g.pushed())) {
                LLVMSetVolatile(g.load(), 1);
            }
        }
        guardedLoads.clear();
    }

    /** True when every use of {@code value} is a store into a stack slot (a local) that nothing loads from. */
    private static boolean neverRead(LLVMValueRef value) {
        for (LLVMUseRef use = LLVMGetFirstUse(value); use != null && !use.isNull(); use = LLVMGetNextUse(use)) {
            LLVMValueRef user = LLVMGetUser(use);
            boolean intoSlot = isA(LLVMIsAStoreInst(user)) && LLVMGetOperand(user, 0).equals(value)
                    && isA(LLVMIsAAllocaInst(LLVMGetOperand(user, 1)));
            if (!intoSlot || slotIsRead(LLVMGetOperand(user, 1))) {
                return false;
            }
        }
        return true;
    }

    private static boolean slotIsRead(LLVMValueRef slot) {
        for (LLVMUseRef use = LLVMGetFirstUse(slot); use != null && !use.isNull(); use = LLVMGetNextUse(use)) {
            if (!isA(LLVMIsAStoreInst(LLVMGetUser(use)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isA(LLVMValueRef v) {
        return v != null && !v.isNull();
    }

    private void load(Instruction insn, LLVMTypeRef memType, ValType result, Extend extend) {
        LLVMValueRef address = address(insn, stack.popRef(), memType);
        LLVMValueRef loaded = mc.linearMemoryAccess(LLVMBuildLoad2(b, memType, address, ""));
        LLVMSetAlignment(loaded, 1);
        LLVMTypeRef to = t.of(result);
        LLVMValueRef v = switch (extend) {
            case NONE -> loaded;
            case SIGNED -> LLVMBuildSExt(b, loaded, to, "");
            case UNSIGNED -> LLVMBuildZExt(b, loaded, to, "");
        };
        if (!mc.target.boundsChecks()) {
            guardedLoads.add(new GuardedLoad(loaded, v));
        }
        stack.push(v, result);
    }

    private void store(Instruction insn, LLVMTypeRef narrow) {
        LLVMValueRef value = stack.popRef();
        LLVMValueRef base = stack.popRef();
        if (narrow != null) {
            value = LLVMBuildTrunc(b, value, narrow, "");
        }
        LLVMValueRef address = address(insn, base, LLVMTypeOf(value));
        LLVMValueRef st = mc.linearMemoryAccess(LLVMBuildStore(b, value, address));
        LLVMSetAlignment(st, 1);
    }

    /** Effective address: memory base + zext(i32 operand) + static offset, bounds-checked on request. */
    private LLVMValueRef address(Instruction insn, LLVMValueRef operand, LLVMTypeRef accessType) {
        long offset = ((Immediate.MemArg) insn.immediate()).offset();
        LLVMValueRef effective = LLVMBuildAdd(b, LLVMBuildZExt(b, operand, t.i64, ""),
                LLVMConstInt(t.i64, offset, 0), "");
        if (mc.target.boundsChecks()) {
            long bytes = LLVMGetTypeKind(accessType) == LLVMIntegerTypeKind
                    ? LLVMGetIntTypeWidth(accessType) / 8 : (accessType.equals(t.f32) ? 4 : 8);
            LLVMValueRef end = LLVMBuildAdd(b, effective, LLVMConstInt(t.i64, bytes, 0), "");
            runtime.trapIf(LLVMBuildICmp(b, LLVMIntUGT, end, runtime.memoryDataSize(), ""),
                    "out of bounds memory access");
        }
        return LLVMBuildGEP2(b, t.i8, runtime.memoryBase(), Llvm.array(effective),
                1, "");
    }

    /** memory.fill: always bounds-checked (a bulk access is not caught by guard pages), then llvm.memset. */
    private void fill() {
        LLVMValueRef n = stack.popRef();
        LLVMValueRef value = stack.popRef();
        LLVMValueRef dst = stack.popRef();
        LLVMValueRef to = checkedRange(dst, n);
        mc.intrinsic("llvm.memset.p0.i64", t.voidType, new LLVMTypeRef[] {t.ptr, t.i8, t.i64, t.i1}, to,
                LLVMBuildTrunc(b, value, t.i8, ""), LLVMBuildZExt(b, n, t.i64, ""), LLVMConstInt(t.i1, 0, 0));
    }

    /** memory.copy: both ranges bounds-checked, then llvm.memmove (ranges may overlap). */
    private void copy() {
        LLVMValueRef n = stack.popRef();
        LLVMValueRef src = stack.popRef();
        LLVMValueRef dst = stack.popRef();
        LLVMValueRef from = checkedRange(src, n);
        LLVMValueRef to = checkedRange(dst, n);
        LLVMValueRef size = LLVMBuildZExt(b, n, t.i64, "");
        if (mc.target.data().missingLibcalls().contains("memcpy")) {
            // LLVM turns memmoves it proves non-overlapping into memcpy, which this runtime cannot resolve:
            // call the runtime's memmove as an opaque (nobuiltin) function instead
            LLVMValueRef call = mc.call(mc.external("memmove", t.ptr, t.ptr, t.ptr, t.i64), to, from, size);
            LLVMAddCallSiteAttribute(call, LLVMAttributeFunctionIndex, LLVMCreateEnumAttribute(mc.ctx,
                    LLVMGetEnumAttributeKindForName("nobuiltin", 9), 0));
            return;
        }
        mc.intrinsic("llvm.memmove.p0.p0.i64", t.voidType, new LLVMTypeRef[] {t.ptr, t.ptr, t.i64, t.i1}, to,
                from, size, LLVMConstInt(t.i1, 0, 0));
    }

    /** The address of {@code [start, start + n)} after trapping if it leaves the memory. */
    private LLVMValueRef checkedRange(LLVMValueRef start, LLVMValueRef n) {
        LLVMValueRef begin = LLVMBuildZExt(b, start, t.i64, "");
        LLVMValueRef end = LLVMBuildAdd(b, begin, LLVMBuildZExt(b, n, t.i64, ""), "");
        runtime.trapIf(LLVMBuildICmp(b, LLVMIntUGT, end, runtime.memoryDataSize(), ""),
                "out of bounds memory access");
        return LLVMBuildGEP2(b, t.i8, runtime.memoryBase(), Llvm.array(begin), 1,
                "");
    }

    private void grow() {
        LLVMValueRef delta = stack.popRef();
        LLVMValueRef old = runtime.pageCount();
        LLVMValueRef grown = runtime.enlargeMemory(delta);
        runtime.memoryMayHaveMoved();
        stack.push(LLVMBuildSelect(b, grown, old, LLVMConstAllOnes(t.i32), ""), ValType.I32);
    }
}
