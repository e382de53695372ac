package io.github.wasmaot.loader;

import java.util.Locale;
import java.util.Optional;

/** Instruction set of an image (and of the host). */
public enum Isa {
    X86_64("x86_64"), AARCH64("aarch64");

    private final String label;

    Isa(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** ISA of an AOT target-info arch string ("x86_64", "aarch64v8", ...). */
    public static Optional<Isa> ofArch(String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        if (a.startsWith("x86_64") || a.startsWith("amd64")) {
            return Optional.of(X86_64);
        }
        if (a.startsWith("aarch64") || a.startsWith("arm64")) {
            return Optional.of(AARCH64);
        }
        return Optional.empty();
    }

    /** The ISA the JVM runs on, if it is one of ours. */
    public static Optional<Isa> host() {
        return ofArch(System.getProperty("os.arch", ""));
    }
}
