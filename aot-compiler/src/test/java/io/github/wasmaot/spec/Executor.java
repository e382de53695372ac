package io.github.wasmaot.spec;

/**
 * Runs spec-test modules. Implementations: the project's own compiler + loader, or an external
 * runtime (e.g. a real iwasm). One {@link ExecutorSession} per spec file holds the module
 * instances and registrations of that file, in command order.
 *
 * <p>An executor that cannot perform something (e.g. cross-module linking on a runtime without
 * it) throws {@link UnsupportedOperationException} with the reason; the harness reports the
 * command as skipped with that reason, never as passed. Traps and link errors are results
 * ({@link ActionResult}, {@link InstantiationResult}), not exceptions.
 */
public interface Executor {

    /** Short name for reports, e.g. {@code "wasm-aot loader"} or {@code "iwasm 2.x"}. */
    String name();

    /**
     * Opens a fresh store for one spec file. It must already provide the {@code spectest} host
     * module as described by {@link SpectestHost}.
     */
    ExecutorSession openSession(String specFile);
}
