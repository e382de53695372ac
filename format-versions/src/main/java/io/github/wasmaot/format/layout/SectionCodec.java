package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.section.Section;

/** Reads and writes one section body in one layout. {@code in} spans exactly the body. */
public interface SectionCodec<T extends Section> {
    /** Layout name as used in profile JSON. */
    String layoutName();

    T read(ByteReader in, LayoutContext ctx) throws AotFormatException;

    void write(T section, ByteSink out, LayoutContext ctx);
}
