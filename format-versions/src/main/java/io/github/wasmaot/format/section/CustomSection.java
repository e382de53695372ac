package io.github.wasmaot.format.section;

/** A custom section (id 100, AOT v4+): sub-type and raw body after it. */
public record CustomSection(long subType, byte[] body) implements Section {
    public CustomSection {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public SectionKind kind() {
        return SectionKind.CUSTOM;
    }
}
