package io.github.wasmaot.format.section;

/** The text section: a literal pool followed by machine code (which may end with alignment padding). */
public record TextSection(byte[] literal, byte[] code) implements Section {
    /** The u32 literal size at the start of the section. */
    public static final int LITERAL_SIZE_BYTES = 4;
    private static final int PAGE = 4096;

    public TextSection {
        literal = literal.clone();
        code = code.clone();
    }

    @Override
    public byte[] literal() {
        return literal.clone();
    }

    @Override
    public byte[] code() {
        return code.clone();
    }

    /**
     * A text section whose code starts at a multiple of {@code codeAlignment} once the runtime has loaded it. Every
     * pinned runtime copies the whole section (u32 literal size, literal, code) to the start of a fresh page-aligned
     * mapping ({@code load_text_section} and the {@code loader_mmap} of the text section in {@code aot_loader.c}, at
     * cba4c782 as at 2.4.4), so code begins at {@code 4 + literal size} into a page: with an empty literal, 4 mod 16,
     * which undoes the 16-byte alignment LLVM gave functions and loop headers. The literal is padded with zero
     * bytes instead; nothing refers to it (no {@code .literal} relocation is written).
     *
     * @param codeAlignment the code's alignment in its object (ELF {@code sh_addralign}); 0 or 1 for none, at most
     *                      a page (4096)
     */
    public static TextSection codeAligned(byte[] code, long codeAlignment) {
        if (codeAlignment < 0 || codeAlignment > PAGE || Long.bitCount(Math.max(codeAlignment, 1)) != 1) {
            throw new IllegalArgumentException("code alignment " + codeAlignment + " is not a power of two up to "
                    + PAGE);
        }
        int align = (int) Math.max(codeAlignment, 1);
        int pad = (align - LITERAL_SIZE_BYTES % align) % align;
        return new TextSection(new byte[pad], code);
    }

    public int codeSize() {
        return code.length;
    }

    /** Reads a little-endian u32 of the code at {@code offset}, or -1 if out of range. */
    public long codeWordAt(long offset) {
        if (offset < 0 || offset + 4 > code.length) {
            return -1;
        }
        int o = (int) offset;
        return (code[o] & 0xffL) | (code[o + 1] & 0xffL) << 8 | (code[o + 2] & 0xffL) << 16
                | (code[o + 3] & 0xffL) << 24;
    }

    @Override
    public SectionKind kind() {
        return SectionKind.TEXT;
    }
}
