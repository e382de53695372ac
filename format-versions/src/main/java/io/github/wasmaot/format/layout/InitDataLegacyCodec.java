package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.AuxInfo;
import io.github.wasmaot.format.section.init.FuncType;
import io.github.wasmaot.format.section.init.Global;
import io.github.wasmaot.format.section.init.ImportFunc;
import io.github.wasmaot.format.section.init.ImportGlobal;
import io.github.wasmaot.format.section.init.ImportTable;
import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.format.section.init.MemInitData;
import io.github.wasmaot.format.section.init.Memory;
import io.github.wasmaot.format.section.init.ObjectDataSection;
import io.github.wasmaot.format.section.init.Table;
import io.github.wasmaot.format.section.init.TableInitData;
import java.util.ArrayList;
import java.util.List;

/**
 * Init data as WAMR cba4c782 (AOT v3, 2021) and WAMR 1.3.x lay it out: initializers are a u32 type plus a
 * u64 slot, tables are five u32s, function types carry u32 counts, aux addresses are u32. The two differ in
 * one place: 1.3.x import tables start with a u32 element type (WAMR-1.3.3 aot_loader.c
 * load_import_table_list: elem_type, init_size, max_size, possible_grow), cba4c782's do not.
 */
public final class InitDataLegacyCodec implements SectionCodec<InitDataSection> {
    public static final String NAME = "init-data-v3-legacy";
    /** WAMR 1.3.0-1.3.3. */
    public static final String V3_1_3 = "init-data-v3-1.3";

    private final String name;
    private final boolean importTableElemType;

    public InitDataLegacyCodec() {
        this(NAME, false);
    }

    public InitDataLegacyCodec(String name, boolean importTableElemType) {
        this.name = name;
        this.importTableElemType = importTableElemType;
    }

    @Override
    public String layoutName() {
        return name;
    }

    @Override
    public InitDataSection read(ByteReader in, LayoutContext ctx) throws AotFormatException {
        long importMemoryCount = in.u32();
        List<Memory> memories = SharedInitDataParts.readMemories(in);
        int n = in.count(in.u32(), 24, "data segment");
        List<MemInitData> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long passive = in.u32();
            long memIndex = in.u32();
            InitExpr offset = readSlot(in);
            long byteCount = in.u32();
            segments.add(new MemInitData(passive, memIndex, offset, in.bytes(byteCount)));
        }
        n = in.count(in.u32(), importTableElemType ? 16 : 12, "import table");
        List<ImportTable> importTables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int elemType = importTableElemType ? (int) in.u32() : 0;
            long init = in.u32();
            long max = in.u32();
            long grow = in.u32();
            importTables.add(new ImportTable(elemType, 0, (int) grow, 0, init, max));
        }
        n = in.count(in.u32(), 20, "table");
        List<Table> tables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long elemType = in.u32();
            long flags = in.u32();
            long init = in.u32();
            long max = in.u32();
            long grow = in.u32();
            tables.add(new Table(elemType, flags, grow, 0, init, max));
        }
        n = in.count(in.u32(), 28, "table segment");
        List<TableInitData> tableSegments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long mode = in.u32();
            long elemType = in.u32();
            long tableIndex = in.u32();
            InitExpr offset = readSlot(in);
            int count = in.count(in.u32(), 4, "table segment function index");
            List<InitExpr> values = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                values.add(new InitExpr.Value32(InitExpr.FUNCREF_CONST, in.u32()));
            }
            tableSegments.add(new TableInitData(mode, elemType, tableIndex, offset, null, values));
        }
        n = in.count(in.u32(), 8, "function type");
        List<FuncType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.position();
            long params = in.u32();
            long results = in.u32();
            if (params > 0xffff || results > 0xffff) {
                throw in.errorAt(at, "function type " + i + " has " + params + " params and " + results
                        + " results", "param count or result count too large");
            }
            types.add(new FuncType(0, params, results, in.bytes(params + results)));
        }
        List<ImportGlobal> importGlobals = SharedInitDataParts.readImportGlobals(in);
        n = in.count(in.u32(), 12, "global");
        List<Global> globals = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int type = in.u8();
            int mutable = in.u8();
            int exprType = in.u16();
            InitExpr init = exprType == InitExpr.V128_CONST
                    ? new InitExpr.V128(exprType, in.bytes(16))
                    : new InitExpr.Slot64(exprType, in.u64());
            globals.add(new Global(type, mutable, init));
        }
        List<ImportFunc> importFuncs = SharedInitDataParts.readImportFuncs(in, types.size());
        SharedInitDataParts.FunctionCounts counts = SharedInitDataParts.readFunctionCounts(in, importFuncs.size());
        AuxInfo aux = new AuxInfo(in.u32(), in.u32(), in.u32(), in.u32(), in.u32(), in.u32(), in.u32());
        List<ObjectDataSection> data = SharedInitDataParts.readObjectDataSections(in);
        SharedInitDataParts.requireEnd(in);
        return new InitDataSection(importMemoryCount, memories, segments, importTables, tables, tableSegments,
                types, importGlobals, globals, importFuncs, counts.funcCount(), counts.start(), aux, data);
    }

    private static InitExpr readSlot(ByteReader in) throws AotFormatException {
        return InitExprCodec.readSlot(in);
    }

    private static void writeSlot(InitExpr e, ByteSink out) {
        InitExprCodec.writeSlot(e, out);
    }

    @Override
    public void write(InitDataSection d, ByteSink out, LayoutContext ctx) {
        out.u32(d.importMemoryCount());
        SharedInitDataParts.writeMemories(d.memories(), out);
        out.u32(d.memInitData().size());
        for (MemInitData m : d.memInitData()) {
            out.u32(m.isPassive()).u32(m.memoryIndex());
            writeSlot(m.offset(), out);
            out.u32(m.bytes().length).bytes(m.bytes());
        }
        out.u32(d.importTables().size());
        for (ImportTable t : d.importTables()) {
            if (importTableElemType) {
                out.u32(t.elemType());
            }
            out.u32(t.initSize()).u32(t.maxSize()).u32(t.possibleGrow());
        }
        out.u32(d.tables().size());
        for (Table t : d.tables()) {
            out.u32(t.elemType()).u32(t.flags()).u32(t.initSize()).u32(t.maxSize()).u32(t.possibleGrow());
        }
        out.u32(d.tableInitData().size());
        for (TableInitData t : d.tableInitData()) {
            out.u32(t.mode()).u32(t.elemType()).u32(t.tableIndex());
            writeSlot(t.offset(), out);
            out.u32(t.values().size());
            for (InitExpr v : t.values()) {
                out.u32(v instanceof InitExpr.Value32 x ? x.value() : 0);
            }
        }
        out.u32(d.funcTypes().size());
        for (FuncType t : d.funcTypes()) {
            out.u32(t.paramCount()).u32(t.resultCount()).bytes(t.types());
        }
        SharedInitDataParts.writeImportGlobals(d.importGlobals(), out);
        out.u32(d.globals().size());
        for (Global g : d.globals()) {
            out.align(4).u8(g.valueType()).u8(g.mutable()).u16(g.init().type());
            if (g.init() instanceof InitExpr.V128 v) {
                out.bytes(v.value());
            } else {
                out.u64(g.init() instanceof InitExpr.Slot64 s ? s.value() : 0);
            }
        }
        SharedInitDataParts.writeImportFuncs(d.importFuncs(), out);
        out.u32(d.funcCount()).u32(d.startFuncIndex());
        AuxInfo a = d.aux();
        out.u32(a.dataEndGlobalIndex()).u32(a.dataEnd()).u32(a.heapBaseGlobalIndex()).u32(a.heapBase())
                .u32(a.stackTopGlobalIndex()).u32(a.stackBottom()).u32(a.stackSize());
        SharedInitDataParts.writeObjectDataSections(d.objectDataSections(), out);
    }
}
