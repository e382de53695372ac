package io.github.wasmaot.format.section;

/** The text section: a literal pool followed by machine code (which may end with alignment padding). */
public record TextSection(byte[] literal, byte[] code) implements Section {
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
