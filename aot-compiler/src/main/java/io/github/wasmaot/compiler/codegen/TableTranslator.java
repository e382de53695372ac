package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.format.profile.CodegenData;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.ValType;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Table instructions the way wamrc translates them (aot_emit_table.c): {@code table.get}, {@code table.set}
 * and {@code table.size} inline against the table instance ("out of bounds table access" when the index is
 * not below {@code cur_size}); {@code table.grow}, {@code table.fill}, {@code table.copy}, {@code table.init}
 * and {@code elem.drop} through the runtime's helpers, named in the profile. After a helper that can raise an
 * exception the function returns at once when it did.
 */
final class TableTranslator {
    private final ModuleContext mc;
    private final LLVMBuilderRef b;
    private final OperandStack stack;
    private final RuntimeAccess runtime;
    private final LlvmTypes t;

    TableTranslator(ModuleContext mc, OperandStack stack, RuntimeAccess runtime) {
        this.mc = mc;
        this.b = mc.builder;
        this.stack = stack;
        this.runtime = runtime;
        this.t = mc.types;
    }

    /** Translates {@code insn} if it is a table instruction; false otherwise. */
    boolean translate(Instruction insn) {
        switch (insn.opcode()) {
            case TABLE_GET -> get(insn.index());
            case TABLE_SET -> set(insn.index());
            case TABLE_SIZE -> stack.push(runtime.tableSize(insn.index()), ValType.I32);
            case TABLE_GROW -> grow(insn.index());
            case TABLE_FILL -> fill(insn.index());
            case TABLE_COPY -> copy((Immediate.IndexPair) insn.immediate());
            case TABLE_INIT -> init((Immediate.IndexPair) insn.immediate());
            case ELEM_DROP -> mc.call(mc.runtimeHelper(functions().dropTableSegment(), "elem.drop", t.voidType,
                    t.ptr, t.i32), runtime.moduleInstance(), mc.constI32(insn.index()));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void get(int table) {
        LLVMValueRef index = stack.popRef();
        checkAccess(table, index);
        stack.push(runtime.tableElement(table, index), elementType(table));
    }

    private void set(int table) {
        LLVMValueRef value = stack.popRef();
        LLVMValueRef index = stack.popRef();
        checkAccess(table, index);
        runtime.setTableElement(table, index, value);
    }

    private void checkAccess(int table, LLVMValueRef index) {
        runtime.trapIf(LLVMBuildICmp(b, LLVMIntUGE, index, runtime.tableSize(table), ""),
                "out of bounds table access");
    }

    /** {@code u32 aot_table_grow(inst, tbl, n, init)}: the old size or -1, as table.grow returns. */
    private void grow(int table) {
        LLVMValueRef n = stack.popRef();
        LLVMValueRef init = stack.popRef();
        Callee grow = mc.runtimeHelper(functions().tableGrow(), "table.grow", t.i32, t.ptr, t.i32, t.i32,
                valueType());
        stack.push(mc.call(grow, runtime.moduleInstance(), mc.constI32(table), n, value(init)), ValType.I32);
    }

    /** {@code void aot_table_fill(inst, tbl, n, value, dst)}. */
    private void fill(int table) {
        LLVMValueRef n = stack.popRef();
        LLVMValueRef value = stack.popRef();
        LLVMValueRef dst = stack.popRef();
        Callee fill = mc.runtimeHelper(functions().tableFill(), "table.fill", t.voidType, t.ptr, t.i32, t.i32,
                valueType(), t.i32);
        mc.call(fill, runtime.moduleInstance(), mc.constI32(table), n, value(value), dst);
        runtime.checkException();
    }

    /** {@code void aot_table_copy(inst, src_tbl, dst_tbl, n, src, dst)}; the immediate is (dst, src). */
    private void copy(Immediate.IndexPair tables) {
        LLVMValueRef n = stack.popRef();
        LLVMValueRef src = stack.popRef();
        LLVMValueRef dst = stack.popRef();
        Callee copy = mc.runtimeHelper(functions().tableCopy(), "table.copy", t.voidType, t.ptr, t.i32, t.i32,
                t.i32, t.i32, t.i32);
        mc.call(copy, runtime.moduleInstance(), mc.constI32(tables.second()), mc.constI32(tables.first()), n, src,
                dst);
        runtime.checkException();
    }

    /** {@code void aot_table_init(inst, tbl, seg, n, src, dst)}; the immediate is (segment, table). */
    private void init(Immediate.IndexPair immediate) {
        LLVMValueRef n = stack.popRef();
        LLVMValueRef src = stack.popRef();
        LLVMValueRef dst = stack.popRef();
        Callee init = mc.runtimeHelper(functions().tableInit(), "table.init", t.voidType, t.ptr, t.i32, t.i32,
                t.i32, t.i32, t.i32);
        mc.call(init, runtime.moduleInstance(), mc.constI32(immediate.second()), mc.constI32(immediate.first()), n,
                src, dst);
        runtime.checkException();
    }

    private ValType elementType(int table) {
        return mc.tables.tables().get(table).elementType();
    }

    /** How the helpers take a table value: an i32, or zero-extended to a pointer (wamrc's inttoptr). */
    private LLVMTypeRef valueType() {
        return mc.helperArgs().tableValueIsPointer() ? t.ptr : t.i32;
    }

    private LLVMValueRef value(LLVMValueRef ref) {
        return mc.helperArgs().tableValueIsPointer() ? LLVMBuildIntToPtr(b, ref, t.ptr, "") : ref;
    }

    private CodegenData.RuntimeFunctions functions() {
        return mc.target.data().runtimeFunctions();
    }
}
