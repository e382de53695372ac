package io.github.wasmaot.loader;

import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.EmulatedBackend;
import io.github.wasmaot.loader.backend.NativeBackend;

/** Which backend runs an instance. */
public enum BackendKind {
    /** Directly on this CPU (image ISA must be the host ISA). */
    NATIVE,
    /**
     * In Unicorn: aarch64 through the build that comes with the loader (Linux and macOS, x86_64 and arm64 hosts),
     * x86_64 through the system's library (Debian package libunicorn2).
     */
    EMULATED;

    /** Why this backend cannot run {@code isa} images here, or null when it can. */
    public String unavailableReason(Isa isa) {
        return switch (this) {
            case NATIVE -> NativeBackend.supports(isa) ? null
                    : "native backend runs " + isa.label() + " images only on a " + isa.label() + " host; this host is "
                    + System.getProperty("os.arch");
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
