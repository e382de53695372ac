package io.github.wasmaot.loader.host;

import io.github.wasmaot.loader.WasmValue;
import java.util.Objects;

/**
 * A global a module may import: its value (copied into the instance at instantiation, as WAMR's AOT runtime
 * does) and whether it is declared mutable, which must match the import's declaration.
 */
public record HostGlobal(WasmValue value, boolean mutable) {
    public HostGlobal {
        Objects.requireNonNull(value, "value");
    }

    public static HostGlobal constant(WasmValue value) {
        return new HostGlobal(value, false);
    }
}
