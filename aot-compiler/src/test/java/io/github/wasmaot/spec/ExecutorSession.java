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

    @Override
    void close();
}
