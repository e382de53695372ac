package io.github.wasmaot.verifier;

import java.util.Locale;
import java.util.Objects;

/**
 * The ISA the image must run on, with the byte order and pointer width of that ISA's runtime build.
 * Pass {@code null} to {@link Verifier#verify} to accept the image's own ISA.
 */
public record Target(String isa, boolean littleEndian, int pointerBits) {
    public Target {
        Objects.requireNonNull(isa, "isa");
    }

    /** Known 64-bit little-endian targets ("x86_64", "aarch64"); others as 64-bit little endian too. */
    public static Target of(String isa) {
        String key = isa.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "amd64", "x86-64", "x86_64" -> new Target("x86_64", true, 64);
            case "arm64", "aarch64", "aarch64v8" -> new Target("aarch64", true, 64);
            case "i386", "x86" -> new Target("i386", true, 32);
            default -> new Target(key, true, 64);
        };
    }

    @Override
    public String toString() {
        return isa;
    }
}
