package io.github.wasmaot.format.facts;

import java.util.List;
import java.util.Map;

/**
 * Native symbols a loader registers only when the runtime is built with an option (from {@code aot_reloc.h}):
 * symbol name to build option, e.g. {@code aot_table_grow -> WASM_ENABLE_REF_TYPES}. The ISA symbol lists
 * include these symbols; this map says which build they need.
 *
 * @param source       where in the pinned WAMR source this comes from
 * @param symbols      symbol to the build option that registers it
 * @param offByDefault the options among those that WAMR's own Linux build
 *                     ({@code product-mini/platforms/linux/CMakeLists.txt}) leaves off unless asked
 */
public record SymbolBuildFeatures(String source, Map<String, String> symbols, List<String> offByDefault) {
    public SymbolBuildFeatures {
        source = source == null ? "" : source;
        symbols = symbols == null ? Map.of() : Map.copyOf(symbols);
        offByDefault = offByDefault == null ? List.of() : List.copyOf(offByDefault);
    }

    public SymbolBuildFeatures(String source, Map<String, String> symbols) {
        this(source, symbols, List.of());
    }
}
