package io.github.wasmaot.loader.backend;

/**
 * A runtime helper served by Java (what WAMR resolves from its native symbol map, e.g.
 * {@code aot_set_exception_with_id}). Arguments and result are raw register bits per {@link #signature()}.
 */
public interface HostFunction {
    String name();

    HostSignature signature();

    /** @return the result bits (ignored for void helpers) */
    long call(long[] args);
}
