package io.github.wasmaot.format.io;

/** A section header as found while walking the file: id, header offset, declared body size. */
public record SectionHeader(long id, int headerOffset, long size) {
    public int bodyOffset() {
        return headerOffset + 8;
    }
}
