package io.github.wasmaot.loader.reloc;

import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.LoaderException;

/**
 * Applies one ISA's ELF relocations the way the profile's runtime does (arch/aot_reloc_*.c) and builds the
 * PLT entries it appends to the code for runtime symbols.
 */
public sealed interface Relocator permits X86_64Relocations, Aarch64Relocations {
    int pltEntrySize();

    /** Machine code of one PLT entry that transfers to {@code target} (runtime helper address). */
    byte[] pltEntry(long target);

    /**
     * @param typeName the relocation's name from the profile's loader facts (e.g. "R_X86_64_PLT32")
     */
    void apply(PatchableSection section, long offset, long addend, long type, String typeName,
               SymbolTarget symbol) throws LoaderException;

    static Relocator of(Isa isa, LoaderFacts facts) {
        return switch (isa) {
            case X86_64 -> new X86_64Relocations(facts);
            case AARCH64 -> new Aarch64Relocations(facts);
        };
    }

    /** The runtime's text for {@code key} (with %s/%d filled in order), or the key itself. */
    static String text(LoaderFacts facts, String key, Object... args) {
        String t = facts.error(key).orElse(key);
        for (Object a : args) {
            t = t.replaceFirst("%[sdu]", String.valueOf(a).replace("$", "\\$"));
        }
        return t;
    }
}
