package io.github.wasmaot.loader.reloc;

/** What a relocation's symbol resolved to. */
public sealed interface SymbolTarget {
    long address();

    /** A section of the image or an AOT function: relocate against its address directly. */
    record Direct(String symbol, long address) implements SymbolTarget {
    }

    /**
     * A runtime symbol from the profile's native symbol map (index = position in it), reached through its
     * PLT entry at the end of the code when a direct branch cannot reach it.
     */
    record RuntimeSymbol(String symbol, int index, long address, long pltEntry) implements SymbolTarget {
    }
}
