package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.section.AotString;
import io.github.wasmaot.format.section.init.ImportFunc;
import io.github.wasmaot.format.section.init.ImportGlobal;
import io.github.wasmaot.format.section.init.Memory;
import io.github.wasmaot.format.section.init.ObjectDataSection;
import java.util.ArrayList;
import java.util.List;

/** Init-data pieces encoded the same way in every known layout (memories, imports, object data). */
final class SharedInitDataParts {
    private SharedInitDataParts() {
    }

    static List<Memory> readMemories(ByteReader in) throws AotFormatException {
        int n = in.count(in.u32(), 16, "memory");
        List<Memory> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Memory(in.u32(), in.u32(), in.u32(), in.u32()));
        }
        return out;
    }

    static void writeMemories(List<Memory> memories, ByteSink out) {
        out.u32(memories.size());
        for (Memory m : memories) {
            out.u32(m.flags()).u32(m.bytesPerPage()).u32(m.initPageCount()).u32(m.maxPageCount());
        }
    }

    static List<ImportGlobal> readImportGlobals(ByteReader in) throws AotFormatException {
        int n = in.count(in.u32(), 6, "import global");
        List<ImportGlobal> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            in.align(2);
            int type = in.u8();
            int mutable = in.u8();
            AotString module = new AotString(in.string());
            AotString name = new AotString(in.string());
            out.add(new ImportGlobal(type, mutable, module, name));
        }
        return out;
    }

    static void writeImportGlobals(List<ImportGlobal> globals, ByteSink out) {
        out.u32(globals.size());
        for (ImportGlobal g : globals) {
            out.align(2).u8(g.valueType()).u8(g.mutable());
            out.string(g.moduleName().raw()).string(g.globalName().raw());
        }
    }

    /** The import functions, each checked against the {@code typeCount} function types read before them. */
    static List<ImportFunc> readImportFuncs(ByteReader in, int typeCount) throws AotFormatException {
        int n = in.count(in.u32(), 6, "import function");
        List<ImportFunc> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int type = in.u16();
            AotString module = new AotString(in.string());
            AotString name = new AotString(in.string());
            out.add(new ImportFunc(type, module, name));
        }
        for (ImportFunc f : out) {
            if (f.typeIndex() >= typeCount) {
                throw in.error("import " + f.functionName() + " uses type " + f.typeIndex() + " of " + typeCount,
                        "unknown type");
            }
        }
        return out;
    }

    /** The defined-function count and the start function index that follow the import functions. */
    record FunctionCounts(long funcCount, long start) {
    }

    static FunctionCounts readFunctionCounts(ByteReader in, int importFuncs) throws AotFormatException {
        long funcCount = in.u32();
        int startAt = in.position();
        long start = in.u32();
        checkStart(in, startAt, start, importFuncs, funcCount);
        return new FunctionCounts(funcCount, start);
    }

    static void writeImportFuncs(List<ImportFunc> funcs, ByteSink out) {
        out.u32(funcs.size());
        for (ImportFunc f : funcs) {
            out.u16(f.typeIndex()).string(f.moduleName().raw()).string(f.functionName().raw());
        }
    }

    static List<ObjectDataSection> readObjectDataSections(ByteReader in) throws AotFormatException {
        int n = in.count(in.u32(), 6, "object data section");
        List<ObjectDataSection> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AotString name = new AotString(in.string());
            long size = in.u32();
            out.add(new ObjectDataSection(name, in.bytes(size)));
        }
        return out;
    }

    static void writeObjectDataSections(List<ObjectDataSection> sections, ByteSink out) {
        out.u32(sections.size());
        for (ObjectDataSection s : sections) {
            out.string(s.name().raw());
            out.u32(s.data().length);
            out.bytes(s.data());
        }
    }

    static void requireEnd(ByteReader in) throws AotFormatException {
        if (!in.atEnd()) {
            throw in.error(in.remaining() + " bytes left after the init data", "invalid init data section size");
        }
    }

    private static void checkStart(ByteReader in, int at, long start, long importFuncs, long funcs)
            throws AotFormatException {
        if (start != 0xffffffffL && start >= importFuncs + funcs) {
            throw in.errorAt(at, "start function " + start + " is not one of the " + (importFuncs + funcs)
                    + " functions", "invalid start function index");
        }
    }
}
