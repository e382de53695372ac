package io.github.wasmaot.loader;

import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.EmulatedBackend;
import io.github.wasmaot.loader.backend.NativeBackend;
import io.github.wasmaot.loader.backend.nativ.SignalTraps;

/** Which backend runs an instance. */
public enum BackendKind {
    /**
     * Directly on this CPU (image ISA must be the host ISA). Only where the loader traps guard-page hits and stack
     * overflows (x86-64 Linux, {@link SignalTraps}); elsewhere such a fault
     * would end the JVM, so the backend is unavailable unless {@value #NATIVE_UNSAFE_PROPERTY} is true.
     */
    NATIVE,
    /**
     * In Unicorn: aarch64 through the build that comes with the loader (Linux and macOS, x86_64 and arm64 hosts),
     * x86_64 through the system's library (Debian package libunicorn2); a newer system library, or one named by
     * {@code wasmaot.unicorn.library}, takes over (see {@code backend.emulated.UnicornNatives}).
     */
    EMULATED;

    /** System property: run natively where faults cannot be trapped, accepting that one ends the JVM. */
    public static final String NATIVE_UNSAFE_PROPERTY = "wasmaot.native.unsafe";

    /** Why this backend cannot run {@code isa} images here, or null when it can. */
    public String unavailableReason(Isa isa) {
        return switch (this) {
            case NATIVE -> !NativeBackend.supports(isa)
                    ? "native backend runs " + isa.label() + " images only on an " + isa.label() + " host; this host is "
                    + System.getProperty("os.arch")
                    : SignalTraps.platformReason() == null || Boolean.getBoolean(NATIVE_UNSAFE_PROPERTY) ? null
                    : "natively on this host a guard-page hit or a stack overflow would end the JVM instead of trapping ("
                    + SignalTraps.platformReason() + "); run it emulated, or set -D" + NATIVE_UNSAFE_PROPERTY
                    + "=true to accept that";
            case EMULATED -> EmulatedBackend.unavailableReason(isa);
        };
    }

    Backend create(Isa isa) {
        return switch (this) {
            case NATIVE -> new NativeBackend(isa);
            case EMULATED -> new EmulatedBackend(isa);
        };
    }
}
