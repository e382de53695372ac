package io.github.wasmaot.verifier;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.profile.runtime.GlobalDataLayout;
import io.github.wasmaot.format.section.Export;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.SectionKind;
import io.github.wasmaot.format.section.init.AuxInfo;
import io.github.wasmaot.format.section.init.Global;
import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.format.section.init.MemInitData;
import io.github.wasmaot.format.section.init.Table;
import io.github.wasmaot.format.section.init.TableInitData;

/**
 * The indices a decoded image holds into its own index spaces: exports (kind and index, load_exports in
 * aot_loader.c), element segments (table and function indices), global.get in
 * constant initializers, and the aux heap-base / stack-top globals. Where the runtime checks, the finding
 * carries its text; where it trusts the index (a bh_assert compiled out in release builds, or no check at
 * all), the finding says what the runtime would do instead, without a runtime text. Indices the reader
 * already refuses (function type indices, start function, relocation symbols) are not repeated here.
 */
final class ModuleIndexCheck {
    private static final long NO_INDEX = 0xffffffffL;
    private static final int MAX_PAGE_COUNT_FLAG = 1;
    private static final int SHARED_MEMORY_FLAG = 2;
    private static final int MEMORY64_FLAG = 4;
    private static final int MAX_TABLE_SIZE_FLAG = 1;
    private static final int TABLE64_FLAG = 4;
    /** MAX_LINEAR_MEMORY_SIZE, 4 GiB (WAMR-2.4.4 core/iwasm/interpreter/wasm.h:114). */
    private static final long MAX_LINEAR_MEMORY_SIZE = 4L << 30;
    private static final int EXPORT_FUNC = 0;
    private static final int EXPORT_TABLE = 1;
    private static final int EXPORT_MEMORY = 2;
    private static final int EXPORT_GLOBAL = 3;

    private ModuleIndexCheck() {
    }

    /** What the loader (aot_loader.c) checks: memory and table flags, aux range, export kinds and indices. */
    static void runLoad(AotImage image, RuntimeProfile profile, FindingList out) {
        RuntimeTexts texts = RuntimeTexts.of(profile);
        InitDataSection init = image.initData();
        long funcs = init.importFuncs().size() + init.funcCount();
        long tables = init.importTables().size() + init.tables().size();
        long memories = init.importMemoryCount() + init.memories().size();
        long globals = init.importGlobals().size() + init.globals().size();
        int initAt = image.placed(SectionKind.INIT_DATA).map(PlacedSection::bodyOffset).orElse(-1);
        String section = "init_data";
        memoriesAndAux(init, profile, texts, initAt, out);
        exports(image, profile, texts, funcs, tables, memories, globals, out);
    }

    /** What aot_instantiate trusts or checks (after the loader's relocations): globals and segments. */
    static void runInstantiate(AotImage image, RuntimeProfile profile, FindingList out) {
        RuntimeTexts texts = RuntimeTexts.of(profile);
        InitDataSection init = image.initData();
        long funcs = init.importFuncs().size() + init.funcCount();
        long tables = init.importTables().size() + init.tables().size();
        long globals = init.importGlobals().size() + init.globals().size();
        int initAt = image.placed(SectionKind.INIT_DATA).map(PlacedSection::bodyOffset).orElse(-1);
        String section = "init_data";
        for (int i = 0; i < init.tables().size(); i++) {
            Table t = init.tables().get(i);
            if (t.possibleGrow() != 0 && Long.compareUnsigned(t.initSize(), t.maxSize()) > 0) {
                out.error(FindingCode.TABLE_LIMITS, section, initAt, "table " + i + " starts with "
                        + Long.toUnsignedString(t.initSize()) + " elements but may grow to only "
                        + Long.toUnsignedString(t.maxSize()) + "; the runtime allocates max_size slots"
                        + " (aot_get_tbl_data_slots) and would use elements past them", null);
            }
        }
        for (int i = 0; i < globals; i++) {
            int type = i < init.importGlobals().size() ? init.importGlobals().get(i).valueType()
                    : init.globals().get(i - init.importGlobals().size()).valueType();
            if (!isGlobalValueType(type)) {
                out.error(FindingCode.VALUE_TYPE, section, initAt, "global " + i + " has value type 0x"
                        + Integer.toHexString(type) + ", none of i32/i64/f32/f64/v128/funcref/externref; the"
                        + " runtime does not check and would size its global data (wasm_value_type_size) wrongly",
                        null);
            }
        }
        for (int i = 0; i < init.globals().size(); i++) {
            Global g = init.globals().get(i);
            globalGet(g.init(), "global " + (init.importGlobals().size() + i) + "'s initializer", init, texts,
                    initAt, out);
        }
        for (int i = 0; i < init.memInitData().size(); i++) {
            MemInitData d = init.memInitData().get(i);
            if (d.isPassive() != 0) {
                continue;
            }
            // memory_index is not used: both runtimes apply every active segment to memory 0
            globalGet(d.offset(), "data segment " + i + "'s offset", init, texts, initAt, out);
        }
        for (int i = 0; i < init.tableInitData().size(); i++) {
            TableInitData t = init.tableInitData().get(i);
            boolean active = (t.mode() & 1) == 0;
            if (active && t.tableIndex() >= tables) {
                out.error(FindingCode.ELEM_SEGMENT_INDEX, section, initAt, "element segment " + i
                        + " is for table " + t.tableIndex() + " of " + tables + "; the runtime only asserts"
                        + " (table_index < table_count) and would write through an unknown table instance",
                        null);
            }
            if (active) {
                globalGet(t.offset(), "element segment " + i + "'s offset", init, texts, initAt, out);
            }
            for (int k = 0; k < t.values().size(); k++) {
                InitExpr v = t.values().get(k);
                if (v.type() == InitExpr.FUNCREF_CONST) {
                    long index = payload(v);
                    if (index != NO_INDEX && index >= funcs) {
                        out.error(FindingCode.ELEM_SEGMENT_INDEX, section, initAt, "element segment " + i
                                + " entry " + k + " names function " + index + " of " + funcs
                                + "; the runtime stores it unchecked and an indirect call would read past"
                                + " func_ptrs", null);
                    }
                } else if (v.type() == InitExpr.GET_GLOBAL) {
                    globalGet(v, "element segment " + i + " entry " + k, init, texts, initAt, out);
                }
            }
        }
        // memory_instantiate writes __heap_base through globals[index - import_global_count]
        auxGlobal(init.aux().heapBaseGlobalIndex(), "__heap_base", init.importGlobals().size(), init, initAt, out);
        auxGlobal(init.aux().stackTopGlobalIndex(), "__stack_pointer", 0, init, initAt, out);
    }

    private static void exports(AotImage image, RuntimeProfile profile, RuntimeTexts texts, long funcs,
                                long tables, long memories, long globals, FindingList out) {
        int at = image.placed(SectionKind.EXPORT).map(PlacedSection::bodyOffset).orElse(-1);
        // wamr-cba4c782's load_exports has the check under "#if 0 /* TODO: check kind and index */"
        boolean checked = profile.loaderFacts().flatMap(f -> f.error("exportUnknownFunction")).isPresent();
        for (Export e : image.exports().exports()) {
            String name = "export \"" + e.name().text() + "\"";
            String key;
            long limit;
            String what;
            switch (e.kind()) {
                case EXPORT_FUNC -> {
                    key = "exportUnknownFunction";
                    limit = funcs;
                    what = "function";
                }
                case EXPORT_TABLE -> {
                    key = "exportUnknownTable";
                    limit = tables;
                    what = "table";
                }
                case EXPORT_MEMORY -> {
                    key = "exportUnknownMemory";
                    limit = memories;
                    what = "memory";
                }
                case EXPORT_GLOBAL -> {
                    key = "exportUnknownGlobal";
                    limit = globals;
                    what = "global";
                }
                default -> {
                    out.error(FindingCode.EXPORT_KIND, "export", at, name + " has kind " + e.kind()
                            + " (0 function, 1 table, 2 memory, 3 global)" + (checked ? ""
                                    : "; " + profile.name() + " does not check and would export garbage"),
                            checked ? texts.get("exportKind", "invalid export kind") : null);
                    continue;
                }
            }
            if (e.index() >= limit) {
                String runtime = checked ? texts.get(key, "unknown " + what) : null;
                out.error(FindingCode.EXPORT_INDEX, "export", at, name + " names " + what + " " + e.index()
                        + " of " + limit + (checked ? "" : "; " + profile.name()
                                + " does not check (load_exports: #if 0 TODO) and would read past its "
                                + what + " table when the export is looked up or instantiated"), runtime);
            }
        }
    }

    /**
     * load_memory_info's wasm_memory_check_flags (on the flags' low byte) and load_init_data_section's aux
     * range check, for runtimes whose loader facts list those errors (WAMR 2.x; cba4c782 checks neither).
     */
    private static void memoriesAndAux(InitDataSection init, RuntimeProfile profile, RuntimeTexts texts, int at,
                                       FindingList out) {
        boolean flagsChecked = profile.loaderFacts().flatMap(f -> f.error("limitsFlags")).isPresent();
        for (int i = 0; flagsChecked && i < init.memories().size(); i++) {
            int flags = (int) (init.memories().get(i).flags() & 0xff);
            if (flags > MAX_PAGE_COUNT_FLAG + SHARED_MEMORY_FLAG + MEMORY64_FLAG || (flags & MEMORY64_FLAG) != 0) {
                out.error(FindingCode.MEMORY_FLAGS, "init_data", at, "memory " + i + " has limits flags 0x"
                        + Integer.toHexString(flags) + " (bit 0 max, 1 shared, 2 memory64; memory64 is not built"
                        + " into this runtime)", texts.get("limitsFlags", "invalid limits flags"));
            } else if ((flags & SHARED_MEMORY_FLAG) != 0 && (flags & MAX_PAGE_COUNT_FLAG) == 0) {
                out.error(FindingCode.MEMORY_FLAGS, "init_data", at, "memory " + i + " is shared without a"
                        + " maximum", texts.get("sharedMemoryMaximum", "shared memory must have maximum"));
            }
        }
        // load_table_list's wasm_table_check_flags: table64 refused, then anything above max|table64; the shared
        // bit alone only sets the error text ("tables cannot be shared") without failing
        boolean tableFlagsChecked = profile.loaderFacts().flatMap(f -> f.error("table64Flag")).isPresent();
        for (int i = 0; tableFlagsChecked && i < init.tables().size(); i++) {
            int flags = (int) (init.tables().get(i).flags() & 0xff);
            String text = (flags & TABLE64_FLAG) != 0 ? texts.get("table64Flag", "invalid limits flags")
                    : flags > MAX_TABLE_SIZE_FLAG + TABLE64_FLAG ? texts.get("limitsFlags", "invalid limits flags")
                    : null;
            if (text != null) {
                out.error(FindingCode.TABLE_FLAGS, "init_data", at, "table " + i + " has limits flags 0x"
                        + Integer.toHexString(flags) + " (bit 0 max, 1 shared, 2 table64; table64 is not built into"
                        + " this runtime)", text);
            }
        }
        if (profile.loaderFacts().flatMap(f -> f.error("auxRange")).isPresent()) {
            AuxInfo aux = init.aux();
            if (Long.compareUnsigned(aux.dataEnd(), MAX_LINEAR_MEMORY_SIZE) >= 0
                    || Long.compareUnsigned(aux.heapBase(), MAX_LINEAR_MEMORY_SIZE) >= 0
                    || Long.compareUnsigned(aux.stackBottom(), MAX_LINEAR_MEMORY_SIZE) >= 0) {
                out.error(FindingCode.AUX_RANGE, "init_data", at, "aux data end " + Long.toUnsignedString(
                        aux.dataEnd()) + ", heap base " + Long.toUnsignedString(aux.heapBase()) + " or stack bottom "
                        + Long.toUnsignedString(aux.stackBottom()) + " is not below 4 GiB",
                        texts.get("auxRange", "invalid range of aux_date_end/aux_heap_base/aux_stack_bottom"));
            }
        }
    }

    /** A global.get must name an imported global (aot_runtime.c check_global_init_expr). */
    private static void globalGet(InitExpr e, String what, InitDataSection init, RuntimeTexts texts, int at,
                                  FindingList out) {
        if (e.type() != InitExpr.GET_GLOBAL) {
            if (e instanceof InitExpr.Binary b) {
                globalGet(b.left(), what, init, texts, at, out);
                globalGet(b.right(), what, init, texts, at, out);
            }
            return;
        }
        long index = payload(e);
        long imported = init.importGlobals().size();
        if (index >= imported) {
            long all = imported + init.globals().size();
            out.error(FindingCode.GLOBAL_INDEX, "init_data", at, what + " reads global " + index + ", but a"
                    + " constant expression may only read one of the " + imported + " imported globals"
                    + (index >= all ? " (the module has " + all + ")" : ""),
                    RuntimeTexts.format("unknown global %d", index));
        }
    }

    private static void auxGlobal(long index, String name, long lowest, InitDataSection init, int at,
                                  FindingList out) {
        long all = init.importGlobals().size() + init.globals().size();
        if (index == NO_INDEX) {
            return;
        }
        if (index < lowest || index >= all) {
            out.error(FindingCode.GLOBAL_INDEX, "init_data", at, "the " + name + " global is index " + index
                    + ", which is not one of the module's " + init.globals().size() + " own globals (after "
                    + init.importGlobals().size() + " imported); the runtime writes it unchecked", null);
        }
    }

    /** The value types whose width the global data layout knows (GlobalDataLayout.width). */
    private static boolean isGlobalValueType(int type) {
        try {
            GlobalDataLayout.width(type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long payload(InitExpr e) {
        if (e instanceof InitExpr.Value32 v) {
            return v.value() & 0xffffffffL;
        }
        if (e instanceof InitExpr.Slot64 v) {
            return v.value() & 0xffffffffL;
        }
        if (e instanceof InitExpr.Value64 v) {
            return v.value() & 0xffffffffL;
        }
        return NO_INDEX;
    }
}
