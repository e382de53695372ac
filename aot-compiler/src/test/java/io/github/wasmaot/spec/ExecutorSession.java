package io.github.wasmaot.spec;

import java.util.Optional;

/**
 * The state of one spec file's run: instantiated modules (the most recent is "current"),
 * registered import namespaces. Calls come in command order.
 */
public interface ExecutorSession extends AutoCloseable {

    /**
     * Instantiates {@code module}, resolving imports against {@code spectest} and registered
     * modules. On success it becomes the current module and, if {@code name} is present
     * ({@code "$m"}), is remembered under that name.
     */
    InstantiationResult instantiate(ModuleBinary module, Optional<String> name);

    /** Makes the exports of module {@code name} (or the current one) importable as {@code as}. */
    void register(String as, Optional<String> name);

    /** Performs {@code action} on the named or the current module. */
    ActionResult perform(Action action);

    /**
     * Performs {@code action} of an {@code assert_exhaustion}: the spec expects it to recurse until the call
     * stack is exhausted. An executor that cannot survive a runaway recursion (it would take the process down)
     * throws {@link UnsupportedOperationException} with the reason instead, so the command is skipped.
     */
    default ActionResult performExpectingExhaustion(Action action) {
        return perform(action);
    }

    @Override
    void close();
}
