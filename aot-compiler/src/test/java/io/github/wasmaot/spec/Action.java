package io.github.wasmaot.spec;

import java.util.List;
import java.util.Optional;

/** What an execution command does: call an exported function or read an exported global. */
public sealed interface Action {

    /** The module's name ({@code "$m"}) if given; otherwise the current module. */
    Optional<String> module();

    String field();

    record Invoke(Optional<String> module, String field, List<WasmValue> args) implements Action {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    record Get(Optional<String> module, String field) implements Action {
    }
}
