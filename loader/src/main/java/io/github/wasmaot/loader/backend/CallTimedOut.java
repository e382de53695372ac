package io.github.wasmaot.loader.backend;

import java.time.Duration;

/** A call ran longer than its timeout and was stopped; the instance stays usable, as after a trap. */
public final class CallTimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CallTimedOut(Duration timeout) {
        super("call stopped after its timeout of " + timeout);
    }
}
