package io.github.wasmaot.loader.backend.emulated;

/** Enum values from unicorn 2.0.1's headers (/usr/include/unicorn/{unicorn,x86,arm64}.h); 2.1.4's have the same values. */
public final class UnicornConstants {
    private UnicornConstants() {
    }

    public static final int UC_ARCH_ARM64 = 2;
    public static final int UC_ARCH_X86 = 4;
    public static final int UC_MODE_ARM = 0;
    public static final int UC_MODE_64 = 8;

    public static final int UC_PROT_READ = 1;
    public static final int UC_PROT_WRITE = 2;
    public static final int UC_PROT_EXEC = 4;

    public static final int UC_HOOK_CODE = 4;
    /** UC_HOOK_MEM_READ_UNMAPPED | WRITE_UNMAPPED | FETCH_UNMAPPED. */
    public static final int UC_HOOK_MEM_UNMAPPED = 112;
    /** UC_HOOK_MEM_READ_PROT | WRITE_PROT | FETCH_PROT. */
    public static final int UC_HOOK_MEM_PROT = 896;

    public static final int UC_ERR_OK = 0;
    public static final int UC_ERR_ARCH = 2;
    /** UC_ERR_WRITE_UNMAPPED: a guest store to an unmapped address. */
    public static final int UC_ERR_WRITE_UNMAPPED = 7;
    /** uc_mem_type UC_MEM_WRITE_PROT: the access type an invalid-memory hook sees for a store to a read-only page. */
    public static final int UC_MEM_WRITE_PROT = 22;

    /** UC_CTL_WRITE(UC_CTL_CPU_MODEL, 1). */
    public static final int UC_CTL_CPU_MODEL_WRITE = 1140850695;
    /** Haswell: SSE4.1/4.2, POPCNT, LZCNT, BMI (wamrc's x86-64-v2 code needs SSE4.1 roundsd). */
    public static final int UC_CPU_X86_HASWELL = 19;
    public static final int UC_CPU_ARM64_MAX = 3;

    public static final int X86_RAX = 35;
    public static final int X86_RCX = 38;
    public static final int X86_RDX = 40;
    public static final int X86_RDI = 39;
    public static final int X86_RSI = 43;
    public static final int X86_R8 = 106;
    public static final int X86_R9 = 107;
    public static final int X86_RSP = 44;
    public static final int X86_RIP = 41;
    public static final int X86_XMM0 = 122;

    public static final int ARM64_X0 = 199;
    public static final int ARM64_X30 = 2;
    public static final int ARM64_SP = 4;
    public static final int ARM64_PC = 260;
    /** UC_ARM64_REG_D0; D1..D7 follow. */
    public static final int ARM64_D0 = 40;
    /** UC_ARM64_REG_S0; S1..S7 follow. */
    public static final int ARM64_S0 = 136;
}
