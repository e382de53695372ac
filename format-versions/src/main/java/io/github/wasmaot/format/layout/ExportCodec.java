package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.section.AotString;
import io.github.wasmaot.format.section.Export;
import io.github.wasmaot.format.section.ExportSection;
import java.util.ArrayList;
import java.util.List;

/** Export section: u32 count; per export u32 index, u8 kind, a pad byte, u16-prefixed name. */
public final class ExportCodec implements SectionCodec<ExportSection> {
    public static final String NAME = "export-index-kind-name";

    @Override
    public String layoutName() {
        return NAME;
    }

    @Override
    public ExportSection read(ByteReader in, LayoutContext ctx) throws AotFormatException {
        int n = in.count(in.u32(), 7, "export");
        List<Export> exports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long index = in.u32();
            int kind = in.u8();
            exports.add(new Export(index, kind, new AotString(in.string())));
        }
        if (!in.atEnd()) {
            throw in.error(in.remaining() + " bytes left after " + n + " exports", "invalid export section size");
        }
        return new ExportSection(exports);
    }

    @Override
    public void write(ExportSection s, ByteSink out, LayoutContext ctx) {
        out.u32(s.exports().size());
        for (Export e : s.exports()) {
            out.u32(e.index()).u8(e.kind()).string(e.name().raw());
        }
    }
}
