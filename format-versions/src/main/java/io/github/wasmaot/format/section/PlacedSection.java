package io.github.wasmaot.format.section;

/**
 * A section as found in the file: the offset of its 8-byte header, its declared body size, and its body.
 */
public record PlacedSection(long id, int headerOffset, long size, Section body) {
    public SectionKind kind() {
        return body.kind();
    }

    /** Offset of the first byte of the body. */
    public int bodyOffset() {
        return headerOffset + 8;
    }
}
