package io.github.wasmaot.loader.reloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.LoaderException;
import org.junit.jupiter.api.Test;

/** Relocation arithmetic against hand-computed instruction encodings. */
class RelocatorTest {
    private static final LoaderFacts FACTS = ProfileCatalog.loadFacts("wamr-2.4").orElseThrow();

    private static PatchableSection word(long address, int insn) {
        PatchableSection s = new PatchableSection(".text", address, new byte[8]);
        s.putI32(0, insn);
        return s;
    }

    @Test
    void aarch64Call26BranchesToThePltEntryOfARuntimeSymbol() throws LoaderException {
        Relocator r = Relocator.of(Isa.AARCH64, FACTS);
        PatchableSection s = word(0x10000, 0x94000000); // bl .
        SymbolTarget helper = new SymbolTarget.RuntimeSymbol("aot_set_exception_with_id", 0, 0x7000_0000L, 0x10400);
        r.apply(s, 0, 0, 283, "R_AARCH64_CALL26", helper);
        assertEquals(0x94000000 | (0x400 >> 2), s.getI32(0));
    }

    @Test
    void aarch64Call26OutOfRangeIsRejectedWithTheRuntimeText() {
        Relocator r = Relocator.of(Isa.AARCH64, FACTS);
        PatchableSection s = word(0x10000, 0x94000000);
        LoaderException e = assertThrows(LoaderException.class, () -> r.apply(s, 0, 0, 283, "R_AARCH64_CALL26",
                new SymbolTarget.Direct("aot_func#1", 0x10000 + (200L << 20))));
        assertEquals("AOT module load failed: target address out of range.", e.getMessage());
    }

    @Test
    void aarch64AdrpAndLo12PairAddressesASymbol() throws LoaderException {
        Relocator r = Relocator.of(Isa.AARCH64, FACTS);
        long target = 0x12345678L;
        PatchableSection adrp = word(0x10000, 0x90000008); // adrp x8, 0
        r.apply(adrp, 0, 0, 275, "R_AARCH64_ADR_PREL_PG_HI21", new SymbolTarget.Direct(".rodata", target));
        int insn = adrp.getI32(0);
        long imm = ((long) ((insn >> 5) & 0x7FFFF) << 2 | ((insn >> 29) & 3)) << 12;
        assertEquals((target & ~0xFFFL) - 0x10000, imm);
        PatchableSection ldr = word(0x10004, 0xb9400108); // ldr w8, [x8]
        r.apply(ldr, 0, 0, 285, "R_AARCH64_LDST32_ABS_LO12_NC", new SymbolTarget.Direct(".rodata", target));
        assertEquals((target & 0xFFF) >> 2, (ldr.getI32(0) >> 10) & 0xFFF);
    }

    @Test
    void aarch64MovwSlicesTheAddress() throws LoaderException {
        Relocator r = Relocator.of(Isa.AARCH64, FACTS);
        long target = 0x1234_5678_9ABC_DEF0L;
        String[] kinds = {"R_AARCH64_MOVW_UABS_G0_NC", "R_AARCH64_MOVW_UABS_G1_NC", "R_AARCH64_MOVW_UABS_G2_NC",
            "R_AARCH64_MOVW_UABS_G3"};
        for (int i = 0; i < 4; i++) {
            PatchableSection s = word(0x10000, 0xd2800000); // movz x0, #0
            r.apply(s, 0, 0, 264 + i, kinds[i], new SymbolTarget.Direct(".text", target));
            assertEquals((target >>> (16 * i)) & 0xFFFF, (s.getI32(0) >>> 5) & 0xFFFF);
        }
    }

    @Test
    void x86Plt32GoesThroughThePltAndPc32ChecksRange() throws LoaderException {
        Relocator r = Relocator.of(Isa.X86_64, FACTS);
        PatchableSection s = new PatchableSection(".text", 0x1000_0000L, new byte[16]);
        r.apply(s, 4, -4, 4, "R_X86_64_PLT32",
                new SymbolTarget.RuntimeSymbol("aot_enlarge_memory", 3, 0x7f00_0000_0000L, 0x1000_0100L));
        assertEquals(0x100 - 4 - 4, s.getI32(4));
        LoaderException e = assertThrows(LoaderException.class, () -> r.apply(s, 0, -4, 2, "R_X86_64_PC32",
                new SymbolTarget.Direct(".rodata", 0x7f00_0000_0000L)));
        assertEquals(true, e.getMessage().contains("relocation truncated to fit R_X86_64_PC32 failed"));
    }

    @Test
    void x86PltEntryIsMovabsRaxJmpRax() {
        byte[] p = Relocator.of(Isa.X86_64, FACTS).pltEntry(0x1122334455667788L);
        assertEquals(12, p.length);
        assertEquals(0x48, p[0] & 0xff);
        assertEquals(0xB8, p[1] & 0xff);
        assertEquals(0x88, p[2] & 0xff);
        assertEquals(0x11, p[9] & 0xff);
        assertEquals(0xFF, p[10] & 0xff);
        assertEquals(0xE0, p[11] & 0xff);
    }

    @Test
    void unknownRelocationKindUsesTheRuntimeText() {
        Relocator r = Relocator.of(Isa.X86_64, FACTS);
        PatchableSection s = new PatchableSection(".text", 0x1000, new byte[16]);
        LoaderException e = assertThrows(LoaderException.class, () -> r.apply(s, 0, 0, 99, "R_X86_64_TLSGD",
                new SymbolTarget.Direct(".text", 0x1000)));
        assertEquals("Load relocation section failed: invalid relocation type 99.", e.getMessage());
    }
}
