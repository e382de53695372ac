package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.loader.TrapKind;
import io.github.wasmaot.loader.backend.Backend;

/**
 * What aot_set_exception_with_id does, for the helper of that name and for helpers that call it internally:
 * store the exception text and, in runtimes that unwind (exception guard page), abandon the running AOT code.
 * A runtime that unwinds never sees a second exception in the same call, so the first is kept.
 */
final class ExceptionRaiser {
    private final Backend backend;
    private final ExceptionBuffer exception;
    private final boolean unwinds;

    ExceptionRaiser(Backend backend, ExceptionBuffer exception, boolean unwinds) {
        this.backend = backend;
        this.exception = exception;
        this.unwinds = unwinds;
    }

    /** aot_set_exception_with_id with a known id. */
    void raise(TrapKind kind) {
        if (!(unwinds && exception.get().isPresent())) {
            exception.set(kind.text());
        }
        if (unwinds) {
            backend.abortCall();
        }
    }

    /** aot_set_exception_with_id with any id: unknown ids (e.g. EXCE_ALREADY_THROWN) leave the buffer as is. */
    void raiseId(long id) {
        if (!(unwinds && exception.get().isPresent())) {
            TrapKind.byId(id).ifPresent(k -> exception.set(k.text()));
        }
        if (unwinds) {
            backend.abortCall();
        }
    }

    /** aot_set_exception with a text: stores it; the AOT code checks the helper's result and returns. */
    void setText(String text) {
        exception.set(text);
    }
}
