package io.github.wasmaot.spec.iwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wasmaot.wasm.model.Export;
import io.github.wasmaot.wasm.model.ExportDescriptor;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.Import;
import io.github.wasmaot.wasm.model.ImportDescriptor;
import io.github.wasmaot.wasm.model.Limits;
import io.github.wasmaot.wasm.model.TableType;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LinkFileTest {

    private static final FuncType TO_I32 = new FuncType(List.of(), List.of(ValType.I32));
    private static final FuncType MIXED = new FuncType(List.of(ValType.I64, ValType.F32, ValType.EXTERNREF),
            List.of(ValType.F64));
    private static final FuncType TWO_RESULTS = new FuncType(List.of(), List.of(ValType.I32, ValType.I32));

    /** A module with the given types, function imports (module, name, type index) and function exports. */
    private static WasmModule module(List<FuncType> types, List<Import> imports, List<Integer> functions,
                                     List<String> exportedFunctions) {
        int imported = (int) imports.stream().filter(i -> i.descriptor() instanceof ImportDescriptor.Function).count();
        List<Export> exports = new java.util.ArrayList<>();
        for (int i = 0; i < exportedFunctions.size(); i++) {
            exports.add(new Export(exportedFunctions.get(i), new ExportDescriptor.Function(imported + i), 0));
        }
        return new WasmModule(types, imports, functions, List.of(), List.of(), List.of(), exports, Optional.empty(),
                List.of(), OptionalInt.empty(), List.of(), List.of(), List.of(), Optional.empty());
    }

    private static Import function(String module, String name, int type) {
        return new Import(module, name, new ImportDescriptor.Function(type), 0);
    }

    @Test
    void linksEachFunctionImportAfterTheExportersOwnLinks() {
        WasmModule a = module(List.of(TO_I32), List.of(), List.of(0), List.of("f"));
        WasmModule b = module(List.of(TO_I32, MIXED), List.of(function("A", "f", 0)), List.of(1), List.of("g"));
        WasmModule importer = module(List.of(TO_I32, MIXED),
                List.of(function("B", "g", 1), function("A", "f", 0), function("spectest", "print", 0)),
                List.of(), List.of());
        Map<String, LinkFile.Registered> registered = Map.of(
                "A", new LinkFile.Registered(Path.of("/w/a.aot"), a),
                "B", new LinkFile.Registered(Path.of("/w/b.aot"), b));

        List<LinkFile.Entry> entries = LinkFile.entries(importer, registered, m -> m == a ? 65536 : 0);

        assertEquals("A\tf\t-\ti\t65536\t/w/a.aot\n"
                + "B\tg\tIfi\tF\t0\t/w/b.aot\n", LinkFile.text(entries));
    }

    @Test
    void leavesOutWhatTheHostCannotLink() {
        WasmModule a = module(List.of(TO_I32, TWO_RESULTS), List.of(), List.of(0, 1, 0), List.of("f", "two", "t\tab"));
        WasmModule importer = module(List.of(TO_I32, MIXED, TWO_RESULTS),
                List.of(function("A", "missing", 0), function("A", "f", 1), function("A", "two", 2),
                        function("A", "t\tab", 0),
                        new Import("A", "table", new ImportDescriptor.Table(
                                new TableType(ValType.FUNCREF, new Limits(0, OptionalLong.empty()))), 0)),
                List.of(), List.of());

        List<LinkFile.Entry> entries = LinkFile.entries(importer,
                Map.of("A", new LinkFile.Registered(Path.of("/w/a.aot"), a)), m -> 0);

        assertEquals(List.of(), entries, "no such export, another type, two results, a tab, a table");
    }
}
