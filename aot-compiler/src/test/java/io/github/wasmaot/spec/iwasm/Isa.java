package io.github.wasmaot.spec.iwasm;

/** The instruction set an iwasm judge runs on; aarch64 runs under qemu-user on other hosts. */
public enum Isa {
    X86_64("x86_64", "WASM_AOT_IWASM_X86_64"),
    AARCH64("aarch64", "WASM_AOT_IWASM_AARCH64");

    private final String id;
    private final String environmentVariable;

    Isa(String id, String environmentVariable) {
        this.id = id;
        this.environmentVariable = environmentVariable;
    }

    /** {@code x86_64} or {@code aarch64}. */
    public String id() {
        return id;
    }

    /** The environment variable holding the path of this ISA's iwasm. */
    public String environmentVariable() {
        return environmentVariable;
    }

    public static Isa fromId(String id) {
        for (Isa isa : values()) {
            if (isa.id.equals(id)) {
                return isa;
            }
        }
        throw new IllegalArgumentException("unknown ISA " + id + " (x86_64 or aarch64)");
    }
}
