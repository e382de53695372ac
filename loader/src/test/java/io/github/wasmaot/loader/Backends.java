package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Whether a test can use a backend here. A backend that cannot run here (no Unicorn, foreign host ISA) skips
 * the test with the reason, except that CI must have the emulator: there a missing libunicorn2 is a failure,
 * not a skip, so a broken install step cannot turn the emulated suite green by skipping it.
 */
public final class Backends {
    private Backends() {
    }

    public static void assumeAvailable(BackendKind kind, Isa isa) {
        String why = kind.unavailableReason(isa);
        if (why == null) {
            return;
        }
        if (kind == BackendKind.EMULATED && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " on CI: .ci/run must install libunicorn2");
        }
        Assumptions.abort(why);
    }

    /**
     * For a test that goes on without {@code kind} for {@code isa} (covering less): fails on CI, where every
     * backend must be there.
     */
    public static void requireOutsideCi(BackendKind kind, Isa isa) {
        String why = kind.unavailableReason(isa);
        if (why != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + " (on CI the emulator must load)");
        }
    }
}
