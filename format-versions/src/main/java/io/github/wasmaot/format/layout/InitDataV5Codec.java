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
 * Init data as WAMR 2.x lays it out without GC: tagged initializers, byte-sized table flags,
 * type-flagged function types with u16 counts, u64 aux addresses. WAMR 2.0.0-2.3.1 (AOT v3 with the 48-byte
 * target info, and v4) write a table segment's offset as a u32 type plus a u64 slot followed by 8 bytes of
 * ref-type info (WAMR-2.3.1 aot_loader.c load_table_init_data_list: init_expr_type, init_expr_value,
 * "Skip 8 byte(2+2+4) for ref type info"); from 2.4.1 (AOT v5) on it is a tagged initializer
 * (load_init_expr). Nothing else in the section differs between the two (read_uint32 aligns to 4, so the
 * table's fourth byte is padding in 2.0-2.2 and the skipped nullable byte in 2.3).
 */
public final class InitDataV5Codec implements SectionCodec<InitDataSection> {
    public static final String NAME = "init-data-v5";
    /** WAMR 2.0.0-2.2.0 (AOT v3, 48-byte target info). */
    public static final String V3_2X = "init-data-v3-2.x";
    /** WAMR 2.3.0-2.3.1 and 2.4.0 (AOT v4). */
    public static final String V4 = "init-data-v4";
    private static final long GC_FEATURE = 1L << 4;

    private final String name;
    private final boolean taggedTableSegmentOffset;

    public InitDataV5Codec() {
        this(NAME, true);
    }

    public InitDataV5Codec(String name, boolean taggedTableSegmentOffset) {
        this.name = name;
        this.taggedTableSegmentOffset = taggedTableSegmentOffset;
    }

    @Override
    public String layoutName() {
        return name;
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
            InitExpr offset = taggedTableSegmentOffset ? InitExprCodec.read(in) : InitExprCodec.readSlot(in);
            int refType = in.u16();
            int nullable = in.u16();
            long heapType = in.u32();
            // the runtime allocates value_count slots and reads each with load_init_expr, so a bad value's type is
            // reported before the count runs past the section ("invalid init expr type." from the real 2.2.0 iwasm)
            long count = in.u32();
            List<InitExpr> values = new ArrayList<>((int) Math.min(count, in.remaining() / 8 + 1));
            for (long j = 0; j < count; j++) {
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
            if (taggedTableSegmentOffset) {
                InitExprCodec.write(t.offset(), out);
            } else {
                InitExprCodec.writeSlot(t.offset(), out);
            }
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
