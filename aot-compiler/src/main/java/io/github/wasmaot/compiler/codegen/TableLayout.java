package io.github.wasmaot.compiler.codegen;

import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.format.profile.runtime.TableInstanceStruct;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.FunctionBody;
import io.github.wasmaot.wasm.model.TableType;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables as wamrc hands them to the runtime, and where the runtime places their instances. wamrc writes
 * imported tables as defined ones (its import table count is always 0), so the runtime lays out every table,
 * imported first, one after the other behind the memory instances and the global data; each instance holds
 * {@code possible_grow ? max_size : init_size} elements (aot.h {@code aot_get_tbl_data_slots}), where
 * {@code possible_grow} is set when a {@code table.grow} names the table (wasm_loader.c) and a maximum is
 * adjusted as the wasm loader does ({@code max(2 x initial, the runtime's floor)} when absent, capped
 * when declared).
 *
 * @param tables  every table, imported first
 * @param offsets byte offset of each table instance from the first one
 * @param size    bytes of all table instances
 */
public record TableLayout(List<Plan> tables, List<Long> offsets, long size) {
    public TableLayout {
        tables = List.copyOf(tables);
        offsets = List.copyOf(offsets);
    }

    /**
     * One table as written to the image.
     *
     * @param elementType  funcref or externref
     * @param hasMax       whether the module declares a maximum
     * @param initSize     initial element count
     * @param maxSize      the maximum the loader keeps
     * @param possibleGrow whether a {@code table.grow} names the table
     */
    public record Plan(ValType elementType, boolean hasMax, long initSize, long maxSize, boolean possibleGrow) {
        /** Elements the runtime reserves in the instance. */
        public long slots() {
            return possibleGrow ? maxSize : initSize;
        }
    }

    public static TableLayout of(WasmModule wasm, CodegenTarget target) {
        TableInstanceStruct struct = target.structs().tableInstance();
        List<TableType> all = wasm.allTables();
        boolean[] grows = new boolean[all.size()];
        for (FunctionBody body : wasm.code()) {
            for (Instruction insn : body.instructions()) {
                if (insn.opcode() == Opcode.TABLE_GROW) {
                    grows[insn.index()] = true;
                }
            }
        }
        List<Plan> plans = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        long at = 0;
        for (int i = 0; i < all.size(); i++) {
            TableType t = all.get(i);
            long init = t.limits().min();
            long defaultMax = Math.max(init * 2, target.data().defaultMaxTableSize());
            boolean hasMax = t.limits().max().isPresent();
            long declared = hasMax ? t.limits().max().getAsLong() : defaultMax;
            long max = hasMax && init < declared ? Math.min(declared, defaultMax) : declared;
            Plan plan = new Plan(t.elementType(), hasMax, init, max, grows[i]);
            plans.add(plan);
            offsets.add(at);
            at += struct.sizeWith(plan.slots());
        }
        return new TableLayout(plans, offsets, at);
    }

    public long offset(int tableIndex) {
        return offsets.get(tableIndex);
    }
}
