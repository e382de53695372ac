package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.AuxInfo;
import io.github.wasmaot.format.section.init.ElemRefType;
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
 * Init data as WAMR 2.4 (AOT v5) lays it out without GC: tagged initializers, byte-sized table flags,
 * type-flagged function types with u16 counts, u64 aux addresses.
 */
public final class InitDataV5Codec implements SectionCodec<InitDataSection> {
    public static final String NAME = "init-data-v5";
    private static final long GC_FEATURE = 1L << 4;

    @Override
    public String layoutName() {
        return NAME;
    }

    @Override
    public InitDataSection read(ByteReader in, LayoutContext ctx) throws AotFormatException {
        if (ctx.targetInfo() != null && (ctx.targetInfo().featureFlags().orElse(0) & GC_FEATURE) != 0) {
            throw in.error("GC images use type and table layouts this reader does not decode", null);
        }
        long importMemoryCount = in.u32();
        List<Memory> memories = SharedInitDataParts.readMemories(in);
        int n = in.count(in.u32(), 16, "data segment");
        List<MemInitData> segments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long passive = in.u32();
            long memIndex = in.u32();
            InitExpr offset = InitExprCodec.read(in);
            long byteCount = in.u32();
            segments.add(new MemInitData(passive, memIndex, offset, in.bytes(byteCount)));
        }
        n = in.count(in.u32(), 12, "import table");
        List<ImportTable> importTables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int elemType = in.u8();
            int flags = in.u8();
            int grow = in.u8();
            int nullable = in.u8();
            importTables.add(new ImportTable(elemType, flags, grow, nullable, in.u32(), in.u32()));
        }
        n = in.count(in.u32(), 12, "table");
        List<Table> tables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int elemType = in.u8();
            int flags = in.u8();
            int grow = in.u8();
            int nullable = in.u8();
            long init = in.u32();
            long max = in.u32();
            tables.add(new Table(elemType, flags, grow, nullable, init, max));
        }
        n = in.count(in.u32(), 28, "table segment");
        List<TableInitData> tableSegments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long mode = in.u32();
            long elemType = in.u32();
            long tableIndex = in.u32();
            InitExpr offset = InitExprCodec.read(in);
            int refType = in.u16();
            int nullable = in.u16();
            long heapType = in.u32();
            int count = in.count(in.u32(), 4, "table segment value");
            List<InitExpr> values = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                values.add(InitExprCodec.read(in));
            }
            tableSegments.add(new TableInitData(mode, elemType, tableIndex, offset,
                    new ElemRefType(refType, nullable, heapType), values));
        }
        n = in.count(in.u32(), 6, "type");
        List<FuncType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            in.align(4);
            int flag = in.u16();
            int params = in.u16();
            int results = in.u16();
            types.add(new FuncType(flag, params, results, in.bytes((long) params + results)));
        }
        List<ImportGlobal> importGlobals = SharedInitDataParts.readImportGlobals(in);
        n = in.count(in.u32(), 8, "global");
        List<Global> globals = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            in.align(4);
            int type = in.u8();
            int mutable = in.u8();
            in.align(4);
            globals.add(new Global(type, mutable, InitExprCodec.read(in)));
        }
        List<ImportFunc> importFuncs = SharedInitDataParts.readImportFuncs(in, types.size());
        SharedInitDataParts.FunctionCounts counts = SharedInitDataParts.readFunctionCounts(in, importFuncs.size());
        long dataEndIndex = in.u32();
        long dataEnd = in.u64();
        long heapBaseIndex = in.u32();
        long heapBase = in.u64();
        long stackTopIndex = in.u32();
        long stackBottom = in.u64();
        long stackSize = in.u32();
        AuxInfo aux = new AuxInfo(dataEndIndex, dataEnd, heapBaseIndex, heapBase, stackTopIndex, stackBottom,
                stackSize);
        List<ObjectDataSection> data = SharedInitDataParts.readObjectDataSections(in);
        SharedInitDataParts.requireEnd(in);
        return new InitDataSection(importMemoryCount, memories, segments, importTables, tables, tableSegments,
                types, importGlobals, globals, importFuncs, counts.funcCount(), counts.start(), aux, data);
    }

    @Override
    public void write(InitDataSection d, ByteSink out, LayoutContext ctx) {
        out.u32(d.importMemoryCount());
        SharedInitDataParts.writeMemories(d.memories(), out);
        out.u32(d.memInitData().size());
        for (MemInitData m : d.memInitData()) {
            out.u32(m.isPassive()).u32(m.memoryIndex());
            InitExprCodec.write(m.offset(), out);
            out.u32(m.bytes().length).bytes(m.bytes());
        }
        out.u32(d.importTables().size());
        for (ImportTable t : d.importTables()) {
            out.u8(t.elemType()).u8(t.flags()).u8(t.possibleGrow()).u8(t.nullable()).u32(t.initSize())
                    .u32(t.maxSize());
        }
        out.u32(d.tables().size());
        for (Table t : d.tables()) {
            out.u8((int) t.elemType()).u8((int) t.flags()).u8((int) t.possibleGrow()).u8(t.nullable())
                    .u32(t.initSize()).u32(t.maxSize());
        }
        out.u32(d.tableInitData().size());
        for (TableInitData t : d.tableInitData()) {
            out.u32(t.mode()).u32(t.elemType()).u32(t.tableIndex());
            InitExprCodec.write(t.offset(), out);
            ElemRefType r = t.elemRefType() == null ? new ElemRefType((int) t.elemType(), 0, 0) : t.elemRefType();
            out.u16(r.refType()).u16(r.nullable()).u32(r.heapType());
            out.u32(t.values().size());
            for (InitExpr v : t.values()) {
                InitExprCodec.write(v, out);
            }
        }
        out.u32(d.funcTypes().size());
        for (FuncType t : d.funcTypes()) {
            out.align(4).u16(t.typeFlag()).u16((int) t.paramCount()).u16((int) t.resultCount()).bytes(t.types());
        }
        SharedInitDataParts.writeImportGlobals(d.importGlobals(), out);
        out.u32(d.globals().size());
        for (Global g : d.globals()) {
            out.align(4).u8(g.valueType()).u8(g.mutable()).align(4);
            InitExprCodec.write(g.init(), out);
        }
        SharedInitDataParts.writeImportFuncs(d.importFuncs(), out);
        AuxInfo a = d.aux();
        out.u32(d.funcCount()).u32(d.startFuncIndex());
        out.u32(a.dataEndGlobalIndex()).u64(a.dataEnd()).u32(a.heapBaseGlobalIndex()).u64(a.heapBase())
                .u32(a.stackTopGlobalIndex()).u64(a.stackBottom()).u32(a.stackSize());
        SharedInitDataParts.writeObjectDataSections(d.objectDataSections(), out);
    }
}
