package io.github.wasmaot.loader.reloc;

import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.loader.LoaderException;

/**
 * AArch64 relocations as in core/iwasm/aot/arch/aot_reloc_aarch64.c (apply_relocation; same rules at cba4c782,
 * which lacks JUMP26, and WAMR-2.4.4): CALL26/JUMP26 (S + A - P within +-128 MiB, runtime symbols through the
 * PLT), MOVW_UABS_G0..G3 (S + A, 16-bit slices), ADR_PREL_PG_HI21 (Page(S + A) - Page(P) within +-4 GiB),
 * ADD_ABS_LO12_NC and LDST{8,16,32,64,128}_ABS_LO12_NC (low 12 bits, scaled). The existing immediate is the
 * initial addend, as the runtime reads it. PLT entry (init_plt_table, 32 bytes): str x30,[sp,#-16]!;
 * adr x30,#20; ldr x30,[x30]; blr x30; ldr x30,[sp],#16; br x30; .quad target.
 */
public final class Aarch64Relocations implements Relocator {
    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;
    private final LoaderFacts facts;

    Aarch64Relocations(LoaderFacts facts) {
        this.facts = facts;
    }

    @Override
    public int pltEntrySize() {
        return 32;
    }

    @Override
    public byte[] pltEntry(long target) {
        int[] insns = {0xf81f0ffe, 0x100000be, 0xf94003de, 0xd63f03c0, 0xf84107fe, 0xd61f03c0};
        PatchableSection p = new PatchableSection("plt", 0, new byte[32]);
        for (int i = 0; i < insns.length; i++) {
            p.putI32(4L * i, insns[i]);
        }
        p.putI64(24, target);
        return p.bytes();
    }

    private static long signExtend(long value, int bits) {
        long m = 1L << (bits - 1);
        return (value ^ m) - m;
    }

    private LoaderException outOfRange() {
        return new LoaderException("AOT module load failed: " + Relocator.text(facts, "relocationRange"));
    }

    @Override
    public void apply(PatchableSection s, long offset, long addend, long type, String typeName, SymbolTarget sym)
            throws LoaderException {
        if (!s.contains(offset, 4)) {
            throw new LoaderException("AOT module load failed: " + Relocator.text(facts, "relocationOffset"));
        }
        long p = s.address() + offset;
        int insn = s.getI32(offset);
        switch (typeName) {
            case "R_AARCH64_CALL26", "R_AARCH64_JUMP26" -> {
                long a = signExtend((long) (insn & 0x3FFFFFF) << 2, 28) + addend;
                long target;
                if (sym instanceof SymbolTarget.RuntimeSymbol r) {
                    if (addend > 0) {
                        throw new LoaderException("AOT module load failed: " + Relocator.text(facts, "pltAddend"));
                    }
                    target = r.pltEntry();
                } else {
                    target = sym.address();
                }
                long x = target + a - p;
                if (x > 128 * MB || x < -128 * MB) {
                    throw outOfRange();
                }
                s.putI32(offset, (insn & 0xFC000000) | (int) ((x >> 2) & 0x3FFFFFF));
            }
            case "R_AARCH64_MOVW_UABS_G0", "R_AARCH64_MOVW_UABS_G0_NC", "R_AARCH64_MOVW_UABS_G1",
                    "R_AARCH64_MOVW_UABS_G1_NC", "R_AARCH64_MOVW_UABS_G2", "R_AARCH64_MOVW_UABS_G2_NC",
                    "R_AARCH64_MOVW_UABS_G3" -> {
                long x = sym.address() + signExtend((insn >> 5) & 0xFFFF, 16) + addend;
                int shift = switch (typeName) {
                    case "R_AARCH64_MOVW_UABS_G0", "R_AARCH64_MOVW_UABS_G0_NC" -> 0;
                    case "R_AARCH64_MOVW_UABS_G1", "R_AARCH64_MOVW_UABS_G1_NC" -> 16;
                    case "R_AARCH64_MOVW_UABS_G2", "R_AARCH64_MOVW_UABS_G2_NC" -> 32;
                    default -> 48;
                };
                boolean checked = !typeName.endsWith("_NC") && shift < 48;
                if (checked && (x < 0 || x >= 1L << (shift + 16))) {
                    throw outOfRange();
                }
                s.putI32(offset, (insn & 0xFFE0001F) | (int) (((x >> shift) & 0xFFFF) << 5));
            }
            case "R_AARCH64_ADR_PREL_PG_HI21", "R_AARCH64_ADR_PREL_PG_HI21_NC" -> {
                int imm21 = (((insn >> 5) & 0x7FFFF) << 2) | ((insn >> 29) & 0x3);
                long a = signExtend((long) imm21 << 12, 33) + addend;
                long x = ((sym.address() + a) & ~0xFFFL) - (p & ~0xFFFL);
                if (typeName.equals("R_AARCH64_ADR_PREL_PG_HI21") && (x > 4 * GB || x < -4 * GB)) {
                    throw outOfRange();
                }
                int immhi = (int) (((x >> 12) >> 2) & 0x7FFFF);
                int immlo = (int) ((x >> 12) & 0x3);
                s.putI32(offset, (insn & 0x9F00001F) | (immlo << 29) | (immhi << 5));
            }
            case "R_AARCH64_ADD_ABS_LO12_NC", "R_AARCH64_LDST8_ABS_LO12_NC", "R_AARCH64_LDST16_ABS_LO12_NC",
                    "R_AARCH64_LDST32_ABS_LO12_NC", "R_AARCH64_LDST64_ABS_LO12_NC",
                    "R_AARCH64_LDST128_ABS_LO12_NC" -> {
                long x = sym.address() + signExtend((insn >> 10) & 0xFFF, 12) + addend;
                int scale = switch (typeName) {
                    case "R_AARCH64_LDST16_ABS_LO12_NC" -> 1;
                    case "R_AARCH64_LDST32_ABS_LO12_NC" -> 2;
                    case "R_AARCH64_LDST64_ABS_LO12_NC" -> 3;
                    case "R_AARCH64_LDST128_ABS_LO12_NC" -> 4;
                    default -> 0;
                };
                s.putI32(offset, (insn & 0xFFC003FF) | (int) (((x & 0xFFF) >> scale) << 10));
            }
            default -> throw new LoaderException(Relocator.text(facts, "relocationType", type));
        }
    }
}
