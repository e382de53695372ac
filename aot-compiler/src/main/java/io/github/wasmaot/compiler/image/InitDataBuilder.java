package io.github.wasmaot.compiler.image;

import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.compiler.codegen.TableLayout;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.AuxInfo;
import io.github.wasmaot.format.section.init.ElemRefType;
import io.github.wasmaot.format.section.init.ImportFunc;
import io.github.wasmaot.format.section.init.ImportGlobal;
import io.github.wasmaot.wasm.model.Import;
import io.github.wasmaot.wasm.model.ImportDescriptor;
import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.format.section.init.Table;
import io.github.wasmaot.format.section.init.TableInitData;
import io.github.wasmaot.wasm.model.ConstantExpression;
import io.github.wasmaot.wasm.model.ElementMode;
import io.github.wasmaot.wasm.model.ElementSegment;
import io.github.wasmaot.format.section.init.FuncType;
import io.github.wasmaot.format.section.init.Global;
import io.github.wasmaot.format.section.init.MemInitData;
import io.github.wasmaot.format.section.init.Memory;
import io.github.wasmaot.format.section.init.ObjectDataSection;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.DataMode;
import io.github.wasmaot.wasm.model.DataSegment;
import io.github.wasmaot.wasm.model.MemoryType;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The init-data section wamrc writes for a module: memories, data, types, globals, counts, object data. */
final class InitDataBuilder {
    private static final long NONE = 0xffffffffL;
    private static final long PAGE = 65536;

    private InitDataBuilder() {
    }

    static InitDataSection build(String moduleName, WasmModule wasm, CodegenTarget target,
                                 List<ObjectDataSection> objectData, AotStrings strings) {
        InitExprs exprs = new InitExprs(target.data().initExprForm(), moduleName,
                target.structs().tableInstance().nullRef());
        List<Memory> memories = memories(wasm, target);
        List<MemInitData> data = new ArrayList<>();
        for (DataSegment seg : wasm.data()) {
            byte[] bytes = bytes(seg.bytes());
            if (seg.mode() instanceof DataMode.Active a) {
                data.add(new MemInitData(0, a.memoryIndex(), exprs.of(a.offset()), bytes));
            } else {
                data.add(new MemInitData(1, 0, exprs.none(), bytes));
            }
        }
        List<FuncType> types = new ArrayList<>();
        for (io.github.wasmaot.wasm.model.FuncType ft : wasm.types()) {
            byte[] codes = new byte[ft.params().size() + ft.results().size()];
            int i = 0;
            for (ValType t : ft.params()) {
                codes[i++] = (byte) t.code();
            }
            for (ValType t : ft.results()) {
                codes[i++] = (byte) t.code();
            }
            types.add(new FuncType(0, ft.params().size(), ft.results().size(), codes));
        }
        List<Global> globals = new ArrayList<>();
        for (io.github.wasmaot.wasm.model.Global g : wasm.globals()) {
            globals.add(new Global(g.type().valType().code(), g.type().mutable() ? 1 : 0, exprs.of(g.init())));
        }
        long start = wasm.start().map(s -> Integer.toUnsignedLong(s.functionIndex())).orElse(NONE);
        return new InitDataSection(0, memories, data, List.of(), tables(wasm, target),
                tableSegments(wasm, target, exprs), types, importGlobals(wasm, strings), globals,
                importFuncs(wasm, strings), wasm.functions().size(), start, new AuxInfo(NONE, 0, NONE, 0, NONE, 0, 0), objectData);
    }

    /**
     * wamrc always declares one memory (an empty one for modules without); a memory the module cannot grow
     * gets its initial size as maximum, one declared without maximum the runtime's default maximum.
     */
    private static List<Memory> memories(WasmModule wasm, CodegenTarget target) {
        List<MemoryType> all = wasm.allMemories();
        if (all.isEmpty()) {
            return List.of(new Memory(0, PAGE, 0, 0));
        }
        boolean grows = wasm.code().stream().flatMap(c -> c.instructions().stream()).map(Instruction::opcode)
                .anyMatch(op -> op == Opcode.MEMORY_GROW);
        List<Memory> out = new ArrayList<>();
        for (MemoryType m : all) {
            long init = m.limits().min();
            boolean hasMax = m.limits().max().isPresent();
            long max = !grows ? init : m.limits().max().orElse(target.data().defaultMaxMemoryPages());
            out.add(new Memory(hasMax ? 1 : 0, PAGE, init, max));
        }
        return out;
    }

    /** Every table, imported ones included (wamrc writes them as defined), as {@link TableLayout} plans them. */
    private static List<Table> tables(WasmModule wasm, CodegenTarget target) {
        List<Table> out = new ArrayList<>();
        for (TableLayout.Plan t : TableLayout.of(wasm, target).tables()) {
            out.add(new Table(t.elementType().code(), t.hasMax() ? 1 : 0, t.possibleGrow() ? 1 : 0, 0, t.initSize(),
                    t.maxSize()));
        }
        return out;
    }

    /**
     * Element segments as the wasm loader leaves them: the mode is the segment's flags byte (bit 0 passive or
     * declarative, bit 1 explicit table index / declarative, bit 2 expressions), which the runtime reads to tell
     * active, passive and declarative segments apart; segments of plain function indexes on table 0 carry the
     * profile's elem type for them, others their reference type.
     */
    private static List<TableInitData> tableSegments(WasmModule wasm, CodegenTarget target, InitExprs exprs) {
        List<TableInitData> out = new ArrayList<>();
        for (ElementSegment seg : wasm.elements()) {
            boolean expressions = seg.type() != ValType.FUNCREF || seg.init().stream()
                    .anyMatch(e -> e.instructions().get(0).opcode() != Opcode.REF_FUNC);
            int exprBit = expressions ? 4 : 0;
            long mode;
            long tableIndex = 0;
            InitExpr offset;
            if (seg.mode() instanceof ElementMode.Active active) {
                tableIndex = Integer.toUnsignedLong(active.tableIndex());
                mode = exprBit | (tableIndex != 0 ? 2 : 0);
                offset = exprs.of(active.offset());
            } else {
                mode = exprBit | (seg.mode() instanceof ElementMode.Passive ? 1 : 3);
                offset = exprs.none();
            }
            List<InitExpr> values = new ArrayList<>();
            for (ConstantExpression e : seg.init()) {
                values.add(exprs.element(e));
            }
            int elemType = mode == 0 ? target.data().funcSegmentElemType() : seg.type().code();
            ElemRefType refType = target.data().segmentRefType() ? new ElemRefType(elemType, 0, 0) : null;
            out.add(new TableInitData(mode, elemType, tableIndex, offset, refType, values));
        }
        return out;
    }

    private static List<ImportFunc> importFuncs(WasmModule wasm, AotStrings strings) {
        List<ImportFunc> out = new ArrayList<>();
        for (Import i : wasm.imports()) {
            if (i.descriptor() instanceof ImportDescriptor.Function f) {
                out.add(new ImportFunc(f.typeIndex(), strings.of(i.module()), strings.of(i.name())));
            }
        }
        return out;
    }

    private static List<ImportGlobal> importGlobals(WasmModule wasm, AotStrings strings) {
        List<ImportGlobal> out = new ArrayList<>();
        for (Import i : wasm.imports()) {
            if (i.descriptor() instanceof ImportDescriptor.Global g) {
                out.add(new ImportGlobal(g.type().valType().code(), g.type().mutable() ? 1 : 0,
                        strings.of(i.module()), strings.of(i.name())));
            }
        }
        return out;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
