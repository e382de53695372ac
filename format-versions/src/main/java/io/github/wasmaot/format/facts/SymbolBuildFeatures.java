package io.github.wasmaot.format.facts;

import java.util.Map;

/**
 * Native symbols a loader registers only when the runtime is built with an option (from {@code aot_reloc.h}):
 * symbol name to build option, e.g. {@code aot_table_grow -> WASM_ENABLE_REF_TYPES}. The ISA symbol lists
 * include these symbols; this map says which build they need.
 *
 * @param source  where in the pinned WAMR source this comes from
 * @param symbols symbol to the build option that registers it
 */
public record SymbolBuildFeatures(String source, Map<String, String> symbols) {
    public SymbolBuildFeatures {
        source = source == null ? "" : source;
        symbols = symbols == null ? Map.of() : Map.copyOf(symbols);
    }
}
