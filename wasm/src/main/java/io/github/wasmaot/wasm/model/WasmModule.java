package io.github.wasmaot.wasm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A decoded module. {@code functions} holds the type index of each defined function and
 * {@code code} its body (same length, same order). Index spaces put imports first.
 */
public record WasmModule(
        List<FuncType> types,
        List<Import> imports,
        List<Integer> functions,
        List<Table> tables,
        List<Memory> memories,
        List<Global> globals,
        List<Export> exports,
        Optional<StartFunction> start,
        List<ElementSegment> elements,
        OptionalInt dataCount,
        List<FunctionBody> code,
        List<DataSegment> data,
        List<CustomSection> customSections,
        Optional<NameSection> names) {

    public WasmModule {
        types = List.copyOf(types);
        imports = List.copyOf(imports);
        functions = List.copyOf(functions);
        tables = List.copyOf(tables);
        memories = List.copyOf(memories);
        globals = List.copyOf(globals);
        exports = List.copyOf(exports);
        elements = List.copyOf(elements);
        code = List.copyOf(code);
        data = List.copyOf(data);
        customSections = List.copyOf(customSections);
    }

    /** Type indices of all functions: imported ones first, then defined ones. */
    public List<Integer> functionTypeIndices() {
        List<Integer> all = new ArrayList<>();
        for (Import i : imports) {
            if (i.descriptor() instanceof ImportDescriptor.Function f) {
                all.add(f.typeIndex());
            }
        }
        all.addAll(functions);
        return all;
    }

    /** Types of all tables, imported ones first (the table index space). */
    public List<TableType> allTables() {
        List<TableType> all = new ArrayList<>();
        for (Import i : imports) {
            if (i.descriptor() instanceof ImportDescriptor.Table t) {
                all.add(t.type());
            }
        }
        tables.forEach(t -> all.add(t.type()));
        return all;
    }

    /** Types of all memories, imported ones first (the memory index space). */
    public List<MemoryType> allMemories() {
        List<MemoryType> all = new ArrayList<>();
        for (Import i : imports) {
            if (i.descriptor() instanceof ImportDescriptor.Memory m) {
                all.add(m.type());
            }
        }
        memories.forEach(m -> all.add(m.type()));
        return all;
    }

    /** Types of the imported globals, in order. */
    public List<GlobalType> importedGlobals() {
        List<GlobalType> all = new ArrayList<>();
        for (Import i : imports) {
            if (i.descriptor() instanceof ImportDescriptor.Global g) {
                all.add(g.type());
            }
        }
        return all;
    }

    /** Types of all globals, imported ones first. */
    public List<GlobalType> allGlobals() {
        List<GlobalType> all = importedGlobals();
        for (Global g : globals) {
            all.add(g.type());
        }
        return all;
    }

    /** Number of imported functions (the index of the first defined function). */
    public int importedFunctionCount() {
        return (int) imports.stream().filter(i -> i.descriptor() instanceof ImportDescriptor.Function).count();
    }
}
