package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.wasm.model.Export;
import io.github.wasmaot.wasm.model.ExportDescriptor;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.Import;
import io.github.wasmaot.wasm.model.ImportDescriptor;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * What a link-host judge ({@link IwasmConfig#linkHost()}, {@code aot-compiler/src/test/judge-host}) is told to link
 * for one module: for each function import from a registered module, the registered module's image and the export
 * it reaches. One line per import, {@code MODULE TAB FIELD TAB PARAMS TAB RESULTS TAB HEAP TAB FILE}; the host makes
 * one instance per registered module, at its first line, so a registered module's own links come before it.
 * An import is left out (the runtime leaves it unlinked, and calling it fails) when the registered module has no
 * function export of that name and type, when it returns more than one value (the runtime's raw natives return
 * one), or when a name cannot be written on one line.
 */
final class LinkFile {

    /** A registered module: its image and the module it was compiled from (probes included). */
    record Registered(Path file, WasmModule module) {
    }

    /** One linked import. */
    record Entry(String module, String field, FuncType type, int heapSize, Path file) {

        String line() {
            return String.join("\t", module, field, letters(type.params()), letters(type.results()),
                    Integer.toString(heapSize), file.toString());
        }
    }

    private LinkFile() {
    }

    /**
     * The links {@code importer} needs, given the registered modules by name; {@code heapSize} gives the app heap
     * each registered module is instantiated with (as iwasm's {@code --heap-size} for it).
     */
    static List<Entry> entries(WasmModule importer, Map<String, Registered> registered,
                               ToIntFunction<WasmModule> heapSize) {
        List<Entry> entries = new ArrayList<>();
        add(importer, registered, heapSize, new HashSet<>(), entries);
        return entries;
    }

    static String text(List<Entry> entries) {
        return entries.stream().map(e -> e.line() + "\n").collect(Collectors.joining());
    }

    private static void add(WasmModule importer, Map<String, Registered> registered,
                            ToIntFunction<WasmModule> heapSize, Set<String> expanded,
                            List<Entry> entries) {
        for (Import i : importer.imports()) {
            Registered exporter = registered.get(i.module());
            if (!(i.descriptor() instanceof ImportDescriptor.Function f) || exporter == null) {
                continue;
            }
            if (expanded.add(i.module())) {
                add(exporter.module(), registered, heapSize, expanded, entries);
            }
            FuncType wanted = importer.types().get(f.typeIndex());
            Optional<FuncType> offered = exportedFunction(exporter.module(), i.name());
            if (offered.isPresent() && offered.get().equals(wanted) && wanted.results().size() <= 1
                    && writable(i.module()) && writable(i.name())) {
                Entry entry = new Entry(i.module(), i.name(), wanted, heapSize.applyAsInt(exporter.module()),
                        exporter.file());
                if (!entries.contains(entry)) {
                    entries.add(entry);
                }
            }
        }
    }

    private static Optional<FuncType> exportedFunction(WasmModule module, String name) {
        for (Export e : module.exports()) {
            if (e.name().equals(name) && e.descriptor() instanceof ExportDescriptor.Function f) {
                return Optional.of(module.types().get(module.functionTypeIndices().get(f.index())));
            }
        }
        return Optional.empty();
    }

    private static boolean writable(String name) {
        return !name.isEmpty() && name.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r' || c == 0);
    }

    private static String letters(List<ValType> types) {
        if (types.isEmpty()) {
            return "-";
        }
        StringBuilder s = new StringBuilder();
        for (ValType t : types) {
            s.append(switch (t) {
                case I64 -> 'I';
                case F32 -> 'f';
                case F64 -> 'F';
                case I32, FUNCREF, EXTERNREF -> 'i';
            });
        }
        return s.toString();
    }
}
