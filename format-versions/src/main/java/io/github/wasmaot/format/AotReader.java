package io.github.wasmaot.format;

import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ImageHeader;
import io.github.wasmaot.format.io.SectionHeader;
import io.github.wasmaot.format.io.SectionWalker;
import io.github.wasmaot.format.layout.LayoutContext;
import io.github.wasmaot.format.layout.LayoutRegistry;
import io.github.wasmaot.format.layout.SectionCodec;
import io.github.wasmaot.format.profile.ProfileDetector;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.profile.SectionRule;
import io.github.wasmaot.format.section.CustomSection;
import io.github.wasmaot.format.section.ExportSection;
import io.github.wasmaot.format.section.FunctionSection;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.RelocationSection;
import io.github.wasmaot.format.section.Section;
import io.github.wasmaot.format.section.SectionKind;
import io.github.wasmaot.format.section.TargetInfo;
import io.github.wasmaot.format.section.TextSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads WAMR AOT images in the order and with the checks of WAMR's aot_loader.c: header, section walk,
 * section order, then each body with the codec the profile names. Every failure is an
 * {@link AotFormatException}; nothing else escapes.
 */
public final class AotReader {
    private AotReader() {
    }

    /** Reads an image, choosing the profile family from its AOT version and target-info size. */
    public static AotImage read(byte[] image, String fileName) throws AotFormatException {
        RuntimeProfile profile = ProfileDetector.detect(image, fileName).readableProfile()
                .orElseThrow(() -> new AotFormatException(fileName, "header", 4,
                        "no profile with implemented layouts writes this image", null));
        return read(image, fileName, profile);
    }

    /** Reads an image strictly as {@code profile}'s loader would. */
    public static AotImage read(byte[] image, String fileName, RuntimeProfile profile) throws AotFormatException {
        ImageHeader header = ImageHeader.read(image, fileName);
        if (!profile.acceptsAotVersion(header.version())) {
            throw new AotFormatException(fileName, "header", 4, "AOT version " + header.version() + ", "
                    + profile.name() + " reads version " + profile.acceptedAotVersionsLabel(), "unknown binary version");
        }
        List<SectionHeader> headers = SectionWalker.walk(image, fileName, profile);
        checkOrder(headers, fileName, profile);
        LayoutContext ctx = new LayoutContext(profile);
        List<PlacedSection> placed = new ArrayList<>(headers.size());
        for (SectionHeader h : headers) {
            Section body = readBody(image, fileName, profile, h, ctx);
            placed.add(new PlacedSection(h.id(), h.headerOffset(), h.size(), body));
        }
        return new AotImage(fileName, header.magic(), header.version(), profile, placed);
    }

    /**
     * WAMR's load_from_sections order rule: target info first, each next id one more than the last (a custom
     * section may follow anything), and the last section is the relocation or a custom section.
     */
    private static void checkOrder(List<SectionHeader> headers, String fileName, RuntimeProfile profile)
            throws AotFormatException {
        long last = -1;
        for (SectionHeader h : headers) {
            boolean ok = last == -1 ? h.id() == SectionKind.TARGET_INFO.id()
                    : h.id() == last + 1 || profile.isCustomSectionId(h.id());
            if (!ok) {
                throw new AotFormatException(fileName, label(h.id()), h.headerOffset(), "section " + label(h.id())
                        + " follows " + (last == -1 ? "the header" : label(last)), "invalid section order");
            }
            last = h.id();
        }
        if (last != SectionKind.RELOCATION.id() && !profile.isCustomSectionId(last)) {
            SectionHeader end = headers.get(headers.size() - 1);
            throw new AotFormatException(fileName, label(end.id()), end.headerOffset(),
                    "sections end with " + label(last) + ", relocation section missing", "section missing");
        }
        for (SectionRule rule : profile.sections()) {
            if (rule.required() && headers.stream().noneMatch(h -> h.id() == rule.id())) {
                throw new AotFormatException(fileName, rule.name(), headers.get(0).headerOffset(),
                        rule.name() + " section missing", null);
            }
        }
    }

    private static String label(long id) {
        return SectionKind.byId(id).map(SectionKind::label).orElse("section#" + id);
    }

    private static Section readBody(byte[] image, String fileName, RuntimeProfile profile, SectionHeader h,
                                    LayoutContext ctx) throws AotFormatException {
        ByteReader all = ByteReader.over(image, fileName);
        all.skip(h.bodyOffset());
        ByteReader in = all.window(label(h.id()), h.size());
        if (profile.isCustomSectionId(h.id())) {
            long subType = in.u32();
            return new CustomSection(subType, in.bytes(in.remaining()));
        }
        SectionKind kind = SectionKind.byId(h.id()).orElseThrow(() -> in.error("unknown section id", null));
        switch (kind) {
            case TARGET_INFO -> {
                TargetInfo t = codec(LayoutRegistry.targetInfo(profile.layouts().targetInfo()), in, "target info")
                        .read(in, ctx);
                ctx.setTargetInfo(t);
                return t;
            }
            case INIT_DATA -> {
                InitDataSection d = codec(LayoutRegistry.initData(profile.layouts().initData()), in, "init data")
                        .read(in, ctx);
                ctx.setInitData(d);
                return d;
            }
            case TEXT -> {
                TextSection t = codec(LayoutRegistry.text(profile.layouts().text()), in, "text").read(in, ctx);
                ctx.setText(t);
                return t;
            }
            case FUNCTION -> {
                FunctionSection f = codec(LayoutRegistry.function(profile.layouts().function()), in, "function")
                        .read(in, ctx);
                return f;
            }
            case EXPORT -> {
                ExportSection e = codec(LayoutRegistry.export(profile.layouts().export()), in, "export")
                        .read(in, ctx);
                return e;
            }
            case RELOCATION -> {
                RelocationSection r = codec(LayoutRegistry.relocation(profile.layouts().relocation()), in,
                        "relocation").read(in, ctx);
                return r;
            }
            default -> throw in.error("section kind " + kind.label() + " has no body layout",
                    "invalid aot section type");
        }
    }

    private static <T extends Section> SectionCodec<T> codec(Optional<SectionCodec<T>> codec, ByteReader in,
                                                             String what) throws AotFormatException {
        return codec.orElseThrow(() -> in.error("no " + what + " codec for this profile's layout", null));
    }
}
