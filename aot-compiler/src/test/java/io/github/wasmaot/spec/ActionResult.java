package io.github.wasmaot.spec;

import java.util.List;

/** The outcome of performing an {@link Action}. */
public sealed interface ActionResult {

    record Returned(List<WasmValue> values) implements ActionResult {
        public Returned {
            values = List.copyOf(values);
        }
    }

    /** The action trapped; {@code message} as the executor words it. */
    record Trapped(String message) implements ActionResult {
    }

    /** The call stack was exhausted (stack overflow detected). */
    record Exhausted(String message) implements ActionResult {
    }
}
