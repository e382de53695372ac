package io.github.wasmaot.maven.binding;

import io.github.wasmaot.wasm.model.Export;
import io.github.wasmaot.wasm.model.ExportDescriptor;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one generated class holds: its name, the module, the profile {@code open()} loads, and one method per
 * exported function with number types only (exports taking or returning references are listed as skipped).
 *
 * @param packageName    Java package, possibly empty
 * @param className      simple class name
 * @param module         module name (image {@code <module>.aot})
 * @param defaultProfile canonical profile {@code open()} loads
 * @param exports        the methods
 * @param skipped        exports without a method, each with the reason
 */
record BindingModel(String packageName, String className, String module, String defaultProfile,
                    List<BoundExport> exports, List<String> skipped) {
    /** Methods every generated class has; an export with such a name gets a trailing {@code _}. */
    static final Set<String> RESERVED = Set.of("open", "close", "boundModule", "equals", "hashCode", "toString",
            "getClass", "notify", "notifyAll", "wait", "finalize", "clone");

    BindingModel {
        exports = List.copyOf(exports);
        skipped = List.copyOf(skipped);
    }

    static BindingModel of(WasmModule wasm, String module, String className, String packageName,
                          String defaultProfile) {
        List<Integer> typeOf = wasm.functionTypeIndices();
        List<BoundExport> exports = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> used = new HashSet<>(RESERVED);
        for (Export e : wasm.exports()) {
            if (!(e.descriptor() instanceof ExportDescriptor.Function f)) {
                continue;
            }
            FuncType type = wasm.types().get(typeOf.get(f.index()));
            if (!type.params().stream().allMatch(ValType::isNumeric)
                    || !type.results().stream().allMatch(ValType::isNumeric)) {
                skipped.add(e.name() + " (" + type + "): reference types have no Java binding");
                continue;
            }
            String method = JavaNames.methodName(e.name());
            while (!used.add(method)) {
                method = method + "_";
            }
            exports.add(new BoundExport(e.name(), method, type.params(), type.results()));
        }
        return new BindingModel(packageName, className, module, defaultProfile, exports,
                skipped);
    }

    /** Internal (slash-separated) class name. */
    String internalName() {
        return packageName.isEmpty() ? className : packageName.replace('.', '/') + "/" + className;
    }
}
