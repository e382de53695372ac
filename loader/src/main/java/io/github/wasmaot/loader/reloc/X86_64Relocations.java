package io.github.wasmaot.loader.reloc;

import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.loader.LoaderException;

/**
 * x86-64 relocations as in core/iwasm/aot/arch/aot_reloc_x86_64.c (same rules at cba4c782 and WAMR-2.4.4,
 * apply_relocation): R_X86_64_64 (S + A + existing value), PC32/GOTPCREL (S + A - P, must fit int32),
 * PC64, 32/32S (S + A, truncation checked) and PLT32 (L + A - P through the PLT entry for runtime symbols).
 * PLT entry: {@code movabs rax, imm64; jmp rax} (12 bytes, init_plt_table).
 */
public final class X86_64Relocations implements Relocator {
    private final LoaderFacts facts;

    X86_64Relocations(LoaderFacts facts) {
        this.facts = facts;
    }

    @Override
    public int pltEntrySize() {
        return 12;
    }

    @Override
    public byte[] pltEntry(long target) {
        byte[] p = new byte[12];
        p[0] = 0x48;
        p[1] = (byte) 0xB8;
        for (int i = 0; i < 8; i++) {
            p[2 + i] = (byte) (target >>> (8 * i));
        }
        p[10] = (byte) 0xFF;
        p[11] = (byte) 0xE0;
        return p;
    }

    private void check(PatchableSection s, long offset, int width) throws LoaderException {
        if (!s.contains(offset, width)) {
            throw new LoaderException("AOT module load failed: " + Relocator.text(facts, "relocationOffset"));
        }
    }

    @Override
    public void apply(PatchableSection s, long offset, long addend, long type, String typeName, SymbolTarget sym)
            throws LoaderException {
        long p = s.address() + offset;
        switch (typeName) {
            case "R_X86_64_64" -> {
                check(s, offset, 8);
                s.putI64(offset, sym.address() + addend + s.getI64(offset));
            }
            case "R_X86_64_PC32", "R_X86_64_GOTPCREL" -> {
                check(s, offset, 4);
                long v = sym.address() + addend - p;
                if ((int) v != v) {
                    throw new LoaderException("AOT module load failed: "
                            + Relocator.text(facts, "relocationTruncatedPc32"));
                }
                s.putI32(offset, (int) v);
            }
            case "R_X86_64_PC64" -> {
                check(s, offset, 8);
                s.putI64(offset, sym.address() + addend - p);
            }
            case "R_X86_64_32", "R_X86_64_32S" -> {
                check(s, offset, 4);
                long v = sym.address() + addend;
                boolean fits = typeName.equals("R_X86_64_32") ? (v & 0xffffffffL) == v : (int) v == v;
                if (!fits) {
                    throw new LoaderException("AOT module load failed: "
                            + Relocator.text(facts, "relocationTruncated32", typeName));
                }
                s.putI32(offset, (int) v);
            }
            case "R_X86_64_PLT32" -> {
                check(s, offset, 4);
                long target = sym instanceof SymbolTarget.RuntimeSymbol r ? r.pltEntry() : sym.address();
                long v = target + addend - p;
                if ((int) v != v) {
                    throw new LoaderException("AOT module load failed: "
                            + Relocator.text(facts, "relocationRange.x86_64"));
                }
                s.putI32(offset, (int) v);
            }
            default -> throw new LoaderException(Relocator.text(facts, "relocationType", type));
        }
    }
}
