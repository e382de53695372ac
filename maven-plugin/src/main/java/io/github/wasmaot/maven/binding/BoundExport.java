package io.github.wasmaot.maven.binding;

import io.github.wasmaot.wasm.model.ValType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An exported function as the generated class offers it.
 *
 * @param export   the export's wasm name
 * @param method   the Java method name
 * @param params   parameter types
 * @param results  result types (none: {@code void}; one: that type; several: {@code long[]} of raw bits)
 */
record BoundExport(String export, String method, List<ValType> params, List<ValType> results) {
    BoundExport {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** The signature in {@code BoundModule}'s spelling: {@code i32,i32->i32}. */
    String signature() {
        return join(params) + "->" + join(results);
    }

    /** {@code export:signature}, as {@code BoundModule.open} takes it. */
    String checked() {
        return export + ":" + signature();
    }

    private static String join(List<ValType> types) {
        return types.stream().map(ValType::toString).collect(Collectors.joining(","));
    }
}
