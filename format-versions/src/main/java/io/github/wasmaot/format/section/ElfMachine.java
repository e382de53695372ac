package io.github.wasmaot.format.section;

import java.util.Optional;

/** ELF e_machine values WAMR's loader knows, and the ISA name each stands for. */
public enum ElfMachine {
    I386(3, "i386", false),
    MIPS(8, "mips", false),
    ARM(40, "arm", true),
    X86_64(62, "x86_64", false),
    XTENSA(94, "xtensa", false),
    AARCH64(183, "aarch64", true),
    RISCV(243, "riscv", true),
    WIN_X86_64(0x8664, "x86_64", false);

    private final int value;
    private final String isa;
    private final boolean namedByArch;

    ElfMachine(int value, String isa, boolean namedByArch) {
        this.value = value;
        this.isa = isa;
        this.namedByArch = namedByArch;
    }

    /**
     * The machine type WAMR's loader derives from e_machine: a fixed name, or (for ARM-family and RISC-V)
     * the image's own arch string.
     */
    public String machineType(String arch) {
        return namedByArch ? arch : isa;
    }

    public int value() {
        return value;
    }

    public String isa() {
        return isa;
    }

    public static Optional<ElfMachine> of(int eMachine) {
        for (ElfMachine m : values()) {
            if (m.value == eMachine) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
