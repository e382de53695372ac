package io.github.wasmaot.format.section;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * The target-info section. Field widths and presence come from the profile's target-info layout;
 * {@code featureFlags} is empty for layouts that have no such field.
 *
 * @param arch the raw 16-byte arch string
 */
public record TargetInfo(int binType, int abiType, int eType, int eMachine, long eVersion, long eFlags,
                         OptionalLong featureFlags, long reserved, byte[] arch) implements Section {

    public static final int ARCH_LENGTH = 16;

    public TargetInfo {
        arch = arch.clone();
    }

    @Override
    public byte[] arch() {
        return arch.clone();
    }

    @Override
    public SectionKind kind() {
        return SectionKind.TARGET_INFO;
    }

    /** The arch string up to its first NUL. */
    public String archName() {
        int n = 0;
        while (n < arch.length && arch[n] != 0) {
            n++;
        }
        return new String(arch, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** WAMR: bin_type bit 0 set means big endian. */
    public boolean littleEndian() {
        return (binType & 1) == 0;
    }

    /** WAMR: bin_type bit 1 set means 64-bit. */
    public boolean is64Bit() {
        return (binType & 2) != 0;
    }

    public int pointerSize() {
        return is64Bit() ? 8 : 4;
    }
}
