package io.github.wasmaot.compiler.image;

import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.compiler.CompileException;
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
        InitExprs exprs = new InitExprs(target.data().initExprForm(), moduleName);
        List<Memory> memories = memories(wasm, target);
        List<MemInitData> data = new ArrayList<>();
        for (DataSegment seg : wasm.data()) {
            byte[] bytes = bytes(seg.bytes());
            if (seg.mode() instanceof DataMode.Active a) {
                data.add(new MemInitData(0, a.memoryIndex(), exprs.of(a.offset()), bytes));
            } else {
                throw CompileException.notYetTranslated(String.format("%s: passive data segment at offset 0x%x is not "
                        + "supported by this compiler yet", moduleName, seg.offset()));
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
                tableSegments(moduleName, wasm, target, exprs), types, importGlobals(wasm, strings), globals,
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

    /** Tables with the loader's maximum: declared (capped) or max(2 x initial, the runtime's floor). */
    private static List<Table> tables(WasmModule wasm, CodegenTarget target) {
        List<Table> out = new ArrayList<>();
        for (io.github.wasmaot.wasm.model.Table t : wasm.tables()) {
            long init = t.type().limits().min();
            long defaultMax = Math.max(init * 2, target.data().defaultMaxTableSize());
            boolean hasMax = t.type().limits().max().isPresent();
            long max = hasMax ? (init < t.type().limits().max().getAsLong()
                    ? Math.min(t.type().limits().max().getAsLong(), defaultMax) : t.type().limits().max().getAsLong())
                    : defaultMax;
            out.add(new Table(t.type().elementType().code(), hasMax ? 1 : 0, 0, 0, init, max));
        }
        return out;
    }

    /** Active segments of function indexes (the only kind this compiler supports yet). */
    private static List<TableInitData> tableSegments(String moduleName, WasmModule wasm, CodegenTarget target,
                                                     InitExprs exprs) {
        List<TableInitData> out = new ArrayList<>();
        int elemType = target.data().funcSegmentElemType();
        for (ElementSegment seg : wasm.elements()) {
            if (!(seg.mode() instanceof ElementMode.Active active)) {
                throw CompileException.notYetTranslated(String.format("%s: passive or declarative element segment at offset "
                        + "0x%x is not supported by this compiler yet", moduleName, seg.offset()));
            }
            List<InitExpr> values = new ArrayList<>();
            for (ConstantExpression e : seg.init()) {
                Instruction first = e.instructions().get(0);
                if (first.opcode() != Opcode.REF_FUNC || e.instructions().size() != 2) {
                    throw CompileException.notYetTranslated(String.format("%s: element expression %s at offset 0x%x is not "
                            + "supported by this compiler yet", moduleName, first.opcode().mnemonic(),
                            first.offset()));
                }
                values.add(new InitExpr.Value32(InitExpr.FUNCREF_CONST, Integer.toUnsignedLong(first.index())));
            }
            ElemRefType refType = target.data().segmentRefType() ? new ElemRefType(elemType, 0, 0) : null;
            out.add(new TableInitData(0, elemType, active.tableIndex(), exprs.of(active.offset()), refType, values));
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
