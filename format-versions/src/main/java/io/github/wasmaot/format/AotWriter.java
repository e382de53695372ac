package io.github.wasmaot.format;

import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.layout.LayoutContext;
import io.github.wasmaot.format.layout.LayoutRegistry;
import io.github.wasmaot.format.layout.SectionCodec;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.CustomSection;
import io.github.wasmaot.format.section.ExportSection;
import io.github.wasmaot.format.section.FunctionSection;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.RelocationSection;
import io.github.wasmaot.format.section.Section;
import io.github.wasmaot.format.section.TargetInfo;
import io.github.wasmaot.format.section.TextSection;
import java.util.Optional;

/** Writes an {@link AotImage} with its profile's layouts, aligning exactly as WAMR's emitter does. */
public final class AotWriter {
    private AotWriter() {
    }

    public static byte[] write(AotImage image) {
        RuntimeProfile profile = image.profile();
        LayoutContext ctx = new LayoutContext(profile);
        ByteSink out = new ByteSink();
        out.u32(image.magic()).u32(image.version());
        for (PlacedSection p : image.sections()) {
            out.align(4);
            out.u32(p.id());
            int sizeAt = out.position();
            out.u32(0);
            int start = out.position();
            writeBody(p.body(), out, ctx, profile);
            out.patchU32(sizeAt, out.position() - start);
        }
        return out.toByteArray();
    }

    private static void writeBody(Section body, ByteSink out, LayoutContext ctx, RuntimeProfile profile) {
        if (body instanceof TargetInfo t) {
            need(LayoutRegistry.targetInfo(profile.layouts().targetInfo())).write(t, out, ctx);
            ctx.setTargetInfo(t);
        } else if (body instanceof InitDataSection d) {
            need(LayoutRegistry.initData(profile.layouts().initData())).write(d, out, ctx);
            ctx.setInitData(d);
        } else if (body instanceof TextSection t) {
            need(LayoutRegistry.text(profile.layouts().text())).write(t, out, ctx);
            ctx.setText(t);
        } else if (body instanceof FunctionSection f) {
            need(LayoutRegistry.function(profile.layouts().function())).write(f, out, ctx);
        } else if (body instanceof ExportSection e) {
            need(LayoutRegistry.export(profile.layouts().export())).write(e, out, ctx);
        } else if (body instanceof RelocationSection r) {
            need(LayoutRegistry.relocation(profile.layouts().relocation())).write(r, out, ctx);
        } else if (body instanceof CustomSection c) {
            out.u32(c.subType()).bytes(c.body());
        }
    }

    private static <T extends Section> SectionCodec<T> need(Optional<SectionCodec<T>> codec) {
        return codec.orElseThrow(() -> new IllegalStateException("profile names a layout with no codec"));
    }
}
