package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.compiler.llvm.Llvm;
import io.github.wasmaot.format.profile.runtime.ExecEnvStruct;
import io.github.wasmaot.format.profile.runtime.MemoryInstanceStruct;
import io.github.wasmaot.format.profile.runtime.ModuleInstanceStruct;
import io.github.wasmaot.format.profile.runtime.TableInstanceStruct;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * What one function's code reads from and calls in the runtime, following the profile's runtime structs: the module
 * instance (from exec_env), memory base and size, global slots, and exceptions (set the exception, return
 * a zero result; callers test {@code cur_exception} after each call).
 */
final class RuntimeAccess {
    private final ModuleContext mc;
    private final ExecEnvStruct env;
    private final ModuleInstanceStruct inst;
    private final MemoryInstanceStruct mem;
    private final TableInstanceStruct table;
    private final LLVMValueRef function;
    private final LLVMTypeRef returnType;
    private final Map<Integer, LLVMBasicBlockRef> throwBlocks = new HashMap<>();
    private LLVMValueRef moduleInst;
    /** Stack slots holding the memory base and size this function last loaded (null: loaded at each use). */
    private LLVMValueRef memoryBaseSlot;
    private LLVMValueRef memoryDataSizeSlot;
    private LLVMBasicBlockRef exceptionReturn;

    RuntimeAccess(ModuleContext mc, LLVMValueRef function, LLVMTypeRef returnType) {
        this.mc = mc;
        this.env = mc.target.structs().execEnv();
        this.inst = mc.target.structs().moduleInstance();
        this.mem = mc.target.structs().memoryInstance();
        this.table = mc.target.structs().tableInstance();
        this.function = function;
        this.returnType = returnType;
    }

    /** Emits the load of module_inst from exec_env (param 0); call once in the entry block. */
    void loadModuleInstance() {
        LLVMValueRef execEnv = LLVMGetParam(function, 0);
        moduleInst = mc.runtimeAccess(LLVMBuildLoad2(mc.builder, mc.types.ptr, byteOffset(execEnv, env.moduleInst()),
                "module_inst"));
    }

    /**
     * Loads the memory base (and, with software bounds checks, the memory size) once at entry into stack slots
     * that every access reads, and that {@link #memoryMayHaveMoved} reloads after whatever can grow the memory
     * (LLVM turns the slots into registers). Call once in the entry block, after {@link #loadModuleInstance}, in a
     * module with a memory.
     */
    void cacheMemory() {
        memoryBaseSlot = LLVMBuildAlloca(mc.builder, mc.types.ptr, "mem_base_slot");
        if (mc.target.boundsChecks()) {
            memoryDataSizeSlot = LLVMBuildAlloca(mc.builder, mc.types.i64, "mem_size_slot");
        }
        memoryMayHaveMoved();
    }

    /** After a call or {@code memory.grow} that may have moved or resized the memory: reload base and size. */
    void memoryMayHaveMoved() {
        if (memoryBaseSlot != null) {
            LLVMBuildStore(mc.builder, loadMemoryBase(), memoryBaseSlot);
            if (memoryDataSizeSlot != null) {
                LLVMBuildStore(mc.builder, loadMemoryDataSize(), memoryDataSizeSlot);
            }
        }
    }

    LLVMValueRef moduleInstance() {
        return moduleInst;
    }

    /**
     * {@code exec_env->argv_buf}: the runtime's own 64-cell buffer for {@code aot_invoke_native} arguments and
     * its result, as wamrc uses it (aot_llvm.c create_argv_buf at both pinned revisions; the runtime allocates
     * it with the exec env). Loaded where it is used, so it dominates every use.
     */
    LLVMValueRef argvBuffer() {
        LLVMValueRef execEnv = LLVMGetParam(function, 0);
        return mc.runtimeAccess(
                LLVMBuildLoad2(mc.builder, mc.types.ptr, byteOffset(execEnv, env.argvBuf()), "argv_buf"));
    }

    LLVMValueRef byteOffset(LLVMValueRef base, long offset) {
        LLVMValueRef idx = LLVMConstInt(mc.types.i64, offset, 0);
        return LLVMBuildInBoundsGEP2(mc.builder, mc.types.i8, base,
                Llvm.array(idx), 1, "");
    }

    private long memoryInstance0() {
        return inst.globalTableData();
    }

    LLVMValueRef memoryBase() {
        return memoryBaseSlot == null ? loadMemoryBase()
                : LLVMBuildLoad2(mc.builder, mc.types.ptr, memoryBaseSlot, "mem_base");
    }

    private LLVMValueRef loadMemoryBase() {
        return mc.runtimeAccess(LLVMBuildLoad2(mc.builder, mc.types.ptr,
                byteOffset(moduleInst, memoryInstance0() + mem.memoryData()), "mem_base"));
    }

    /** memory_data_size as i64. */
    LLVMValueRef memoryDataSize() {
        return memoryDataSizeSlot == null ? loadMemoryDataSize()
                : LLVMBuildLoad2(mc.builder, mc.types.i64, memoryDataSizeSlot, "mem_size");
    }

    private LLVMValueRef loadMemoryDataSize() {
        LLVMTypeRef t = mem.memoryDataSizeBytes() == 8 ? mc.types.i64 : mc.types.i32;
        LLVMValueRef v = mc.runtimeAccess(LLVMBuildLoad2(mc.builder, t,
                byteOffset(moduleInst, memoryInstance0() + mem.memoryDataSize()), "mem_size"));
        return t == mc.types.i64 ? v : LLVMBuildZExt(mc.builder, v, mc.types.i64, "");
    }

    LLVMValueRef pageCount() {
        return mc.runtimeAccess(LLVMBuildLoad2(mc.builder, mc.types.i32,
                byteOffset(moduleInst, memoryInstance0() + mem.curPageCount()), "pages"));
    }

    LLVMValueRef globalAddress(int globalIndex) {
        long offset = inst.globalTableData() + (long) mc.memoryInstanceCount * mem.size()
                + mc.globals.offset(globalIndex);
        return byteOffset(moduleInst, offset);
    }

    /** Where the instance of table {@code tableIndex} starts in the module instance. */
    private long tableInstance(int tableIndex) {
        return inst.globalTableData() + (long) mc.memoryInstanceCount * mem.size()
                + mc.globals.size() + mc.tables.offset(tableIndex);
    }

    /** cur_size of table 0 (i32). */
    LLVMValueRef tableSize() {
        return tableSize(0);
    }

    /** cur_size of table {@code tableIndex} (i32). */
    LLVMValueRef tableSize(int tableIndex) {
        return mc.runtimeAccess(LLVMBuildLoad2(mc.builder, mc.types.i32,
                byteOffset(moduleInst, tableInstance(tableIndex) + table.curSize()), "table_size"));
    }

    /** The function index stored in element {@code index} (i32, already bounds-checked) of table 0. */
    LLVMValueRef tableElement(LLVMValueRef index) {
        return tableElement(0, index);
    }

    /** The reference (i32: its low 32 bits) in element {@code index} (already bounds-checked) of a table. */
    LLVMValueRef tableElement(int tableIndex, LLVMValueRef index) {
        return mc.runtimeAccess(
                LLVMBuildLoad2(mc.builder, mc.types.i32, tableSlot(tableIndex, index), "table_elem"));
    }

    /**
     * Stores reference {@code value} (i32) into element {@code index} (already bounds-checked), sign-extended to
     * the element width as wamrc does (so a null reference stays all ones).
     */
    void setTableElement(int tableIndex, LLVMValueRef index, LLVMValueRef value) {
        LLVMValueRef v = table.elemBytes() == 8 ? LLVMBuildSExt(mc.builder, value, mc.types.i64, "") : value;
        LLVMBuildStore(mc.builder, v, tableSlot(tableIndex, index));
    }

    private LLVMValueRef tableSlot(int tableIndex, LLVMValueRef index) {
        LLVMValueRef elems = byteOffset(moduleInst, tableInstance(tableIndex) + table.elems());
        LLVMValueRef scaled = LLVMBuildMul(mc.builder, LLVMBuildZExt(mc.builder, index, mc.types.i64, ""),
                LLVMConstInt(mc.types.i64, table.elemBytes(), 0), "");
        return LLVMBuildInBoundsGEP2(mc.builder, mc.types.i8, elems, Llvm.array(scaled), 1, "");
    }

    /** The runtime's value of a null reference, as an i32 constant. */
    LLVMValueRef nullRef() {
        return LLVMConstInt(mc.types.i32, table.nullRef(), 0);
    }

    /** func_type_indexes[funcIndex] (i32). */
    LLVMValueRef functionTypeIndex(LLVMValueRef funcIndex) {
        return perFunction(inst.funcTypeIndexes(), "func_type_indexes", mc.types.i32, funcIndex, "func_type_idx");
    }

    /** func_ptrs[funcIndex]. */
    LLVMValueRef functionPointer(LLVMValueRef funcIndex) {
        return perFunction(inst.funcPtrs(), "func_ptrs", mc.types.ptr, funcIndex, "func_ptr");
    }

    /** Element {@code funcIndex} of the per-function array whose pointer is at {@code field} of the module instance. */
    private LLVMValueRef perFunction(long field, String arrayName, LLVMTypeRef element, LLVMValueRef funcIndex,
                                     String name) {
        LLVMValueRef array = mc.runtimeAccess(
                LLVMBuildLoad2(mc.builder, mc.types.ptr, byteOffset(moduleInst, field), arrayName));
        LLVMValueRef at = LLVMBuildInBoundsGEP2(mc.builder, element, array,
                Llvm.array(LLVMBuildZExt(mc.builder, funcIndex, mc.types.i64, "")), 1, "");
        return mc.runtimeAccess(LLVMBuildLoad2(mc.builder, element, at, name));
    }

    /** {@code aot_enlarge_memory(module_inst, pages)}: true when the memory grew. */
    LLVMValueRef enlargeMemory(LLVMValueRef pages) {
        Callee grow = mc.external(mc.target.data().runtimeFunctions().enlargeMemory(), mc.types.i8, mc.types.ptr,
                mc.types.i32);
        LLVMValueRef ok = mc.call(grow, moduleInst, pages);
        return LLVMBuildICmp(mc.builder, LLVMIntNE, ok, LLVMConstInt(mc.types.i8, 0, 0), "grown");
    }

    /**
     * True when the runtime never returns to this code after raising an exception during a call: with guard
     * pages (no software bounds checks) on a runtime whose profile says {@code iwasm.exceptionUnwinds}
     * ({@code aot_set_exception_with_id}, and {@code aot_invoke_native} / {@code aot_call_indirect} when they fail,
     * touch the exec env's exception guard page and the signal handler longjmps back to {@code aot_call_function}).
     * Then, as wamrc does ({@code enable_bound_check || is_win_platform} in aot_emit_function.c), nothing is
     * checked after calls.
     */
    boolean exceptionsUnwind() {
        return unwinds(mc.target);
    }

    static boolean unwinds(io.github.wasmaot.compiler.CodegenTarget target) {
        return !target.boundsChecks() && target.profile().runtime().map(r -> r.iwasm().exceptionUnwinds())
                .orElse(false);
    }

    /** Branches to "set exception and return" when {@code condition} (i1) holds; continues otherwise. */
    void trapIf(LLVMValueRef condition, String exception) {
        LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(mc.ctx, function, "ok");
        LLVMBuildCondBr(mc.builder, condition, throwBlock(exception), cont);
        LLVMPositionBuilderAtEnd(mc.builder, cont);
    }

    /** Unconditional trap; the current block is terminated afterwards. */
    void trap(String exception) {
        LLVMBuildBr(mc.builder, throwBlock(exception));
    }

    /** Returns at once (zero result) when {@code condition} holds: the runtime has set the exception. */
    void returnIf(LLVMValueRef condition) {
        LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(mc.ctx, function, "no_exception");
        LLVMBuildCondBr(mc.builder, condition, exceptionReturn(), cont);
        LLVMPositionBuilderAtEnd(mc.builder, cont);
    }

    /**
     * After a call: return at once if the callee raised an exception. The load is volatile so that the call
     * never becomes a tail call: otherwise LLVM turns unbounded recursion of a void function into an endless
     * loop instead of the stack overflow the runtime reports.
     */
    void checkException() {
        LLVMValueRef flag = mc.runtimeAccess(LLVMBuildLoad2(mc.builder, mc.types.i8,
                byteOffset(moduleInst, inst.curException()), "exception"));
        LLVMSetVolatile(flag, 1);
        LLVMValueRef raised = LLVMBuildICmp(mc.builder, LLVMIntNE, flag, LLVMConstInt(mc.types.i8, 0, 0), "");
        LLVMBasicBlockRef cont = LLVMAppendBasicBlockInContext(mc.ctx, function, "no_exception");
        LLVMBuildCondBr(mc.builder, raised, exceptionReturn(), cont);
        LLVMPositionBuilderAtEnd(mc.builder, cont);
    }

    private LLVMBasicBlockRef throwBlock(String exception) {
        int id = mc.target.data().exceptionId(exception);
        return throwBlocks.computeIfAbsent(id, i -> {
            LLVMBasicBlockRef here = LLVMGetInsertBlock(mc.builder);
            LLVMBasicBlockRef block = LLVMAppendBasicBlockInContext(mc.ctx, function, "throw_" + i);
            LLVMPositionBuilderAtEnd(mc.builder, block);
            Callee set = mc.external(mc.target.data().runtimeFunctions().setExceptionWithId(),
                    mc.types.voidType, mc.types.ptr, mc.types.i32);
            mc.call(set, moduleInst, LLVMConstInt(mc.types.i32, i, 0));
            LLVMBuildBr(mc.builder, exceptionReturn());
            LLVMPositionBuilderAtEnd(mc.builder, here);
            return block;
        });
    }

    private LLVMBasicBlockRef exceptionReturn() {
        if (exceptionReturn == null) {
            LLVMBasicBlockRef here = LLVMGetInsertBlock(mc.builder);
            exceptionReturn = LLVMAppendBasicBlockInContext(mc.ctx, function, "exception_return");
            LLVMPositionBuilderAtEnd(mc.builder, exceptionReturn);
            if (LLVMGetTypeKind(returnType) == LLVMVoidTypeKind) {
                LLVMBuildRetVoid(mc.builder);
            } else {
                LLVMBuildRet(mc.builder, LLVMConstNull(returnType));
            }
            LLVMPositionBuilderAtEnd(mc.builder, here);
        }
        return exceptionReturn;
    }
}
