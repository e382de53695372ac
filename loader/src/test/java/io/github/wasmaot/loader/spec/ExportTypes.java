package io.github.wasmaot.loader.spec;

import io.github.wasmaot.wasm.model.Export;
import io.github.wasmaot.wasm.model.ExportDescriptor;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.List;

/** The declared wasm types of a module's exports, which the loader's ABI-level values (refs as i32) lack. */
final class ExportTypes {
    private ExportTypes() {
    }

    static List<ValType> results(WasmModule module, String export) {
        int function = ((ExportDescriptor.Function) find(module, export).descriptor()).index();
        return module.types().get(module.functionTypeIndices().get(function)).results();
    }

    static ValType global(WasmModule module, String export) {
        int global = ((ExportDescriptor.Global) find(module, export).descriptor()).index();
        return module.allGlobals().get(global).valType();
    }

    private static Export find(WasmModule module, String export) {
        return module.exports().stream().filter(e -> e.name().equals(export)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the module has no export \"" + export + "\""));
    }
}
