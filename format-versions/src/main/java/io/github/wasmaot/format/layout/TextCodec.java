package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.section.TextSection;

/** Text section: u32 literal size, the literal pool, then code up to the end of the section. */
public final class TextCodec implements SectionCodec<TextSection> {
    public static final String NAME = "text-literal-code";

    @Override
    public String layoutName() {
        return NAME;
    }

    @Override
    public TextSection read(ByteReader in, LayoutContext ctx) throws AotFormatException {
        if (in.atEnd() && ctx.initData() != null && ctx.initData().funcCount() > 0) {
            throw in.error("empty text section for " + ctx.initData().funcCount() + " functions",
                    "invalid code size");
        }
        long literalSize = in.u32();
        if (literalSize > in.remaining()) {
            throw in.error("literal size " + literalSize + " exceeds the " + in.remaining()
                    + " bytes left in the section", ByteReader.UNEXPECT_END);
        }
        byte[] literal = in.bytes(literalSize);
        byte[] code = in.bytes(in.remaining());
        return new TextSection(literal, code);
    }

    @Override
    public void write(TextSection t, ByteSink out, LayoutContext ctx) {
        out.u32(t.literal().length).bytes(t.literal()).bytes(t.code());
    }
}
