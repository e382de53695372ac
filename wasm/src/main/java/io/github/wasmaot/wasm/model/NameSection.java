package io.github.wasmaot.wasm.model;

import java.util.Map;
import java.util.Optional;

/**
 * Debug names from the {@code name} custom section. A malformed name section is ignored
 * (as the spec recommends), so this is only present when it decoded cleanly.
 */
public record NameSection(Optional<String> moduleName, Map<Integer, String> functionNames,
                          Map<Integer, Map<Integer, String>> localNames) {
    public NameSection {
        functionNames = Map.copyOf(functionNames);
        localNames = Map.copyOf(localNames);
    }
}
