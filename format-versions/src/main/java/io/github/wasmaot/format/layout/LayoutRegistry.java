package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.profile.SectionLayouts;
import io.github.wasmaot.format.section.ExportSection;
import io.github.wasmaot.format.section.FunctionSection;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.RelocationSection;
import io.github.wasmaot.format.section.TargetInfo;
import io.github.wasmaot.format.section.TextSection;
import java.util.Map;
import java.util.Optional;

/**
 * The codecs by layout name: the only place where the format's version differences become code.
 * Profiles select codecs by name; nothing else looks at versions.
 */
public final class LayoutRegistry {
    private static final Map<String, SectionCodec<TargetInfo>> TARGET_INFO =
            Map.of(TargetInfoCodec.NAME, new TargetInfoCodec());
    private static final Map<String, SectionCodec<InitDataSection>> INIT_DATA = Map.of(
            InitDataLegacyCodec.NAME, new InitDataLegacyCodec(),
            InitDataLegacyCodec.V3_1_3, new InitDataLegacyCodec(InitDataLegacyCodec.V3_1_3, true),
            InitDataV5Codec.V3_2X, new InitDataV5Codec(InitDataV5Codec.V3_2X, false),
            InitDataV5Codec.V4, new InitDataV5Codec(InitDataV5Codec.V4, false),
            InitDataV5Codec.NAME, new InitDataV5Codec());
    private static final Map<String, SectionCodec<TextSection>> TEXT = Map.of(TextCodec.NAME, new TextCodec());
    private static final Map<String, SectionCodec<FunctionSection>> FUNCTION = Map.of(
            FunctionCodec.LEGACY, new FunctionCodec(FunctionCodec.LEGACY, false),
            FunctionCodec.V3_2X, new FunctionCodec(FunctionCodec.V3_2X, true),
            FunctionCodec.V4, new FunctionCodec(FunctionCodec.V4, true),
            FunctionCodec.V5, new FunctionCodec(FunctionCodec.V5, true));
    private static final Map<String, SectionCodec<ExportSection>> EXPORT =
            Map.of(ExportCodec.NAME, new ExportCodec());
    private static final Map<String, SectionCodec<RelocationSection>> RELOCATION =
            Map.of(RelocationCodec.NAME, new RelocationCodec());

    private LayoutRegistry() {
    }

    /** Whether every layout the profile names has a codec, i.e. its images can be fully decoded. */
    public static boolean supports(SectionLayouts l) {
        return targetInfo(l.targetInfo()).isPresent() && initData(l.initData()).isPresent()
                && text(l.text()).isPresent() && function(l.function()).isPresent()
                && export(l.export()).isPresent() && relocation(l.relocation()).isPresent();
    }

    public static Optional<SectionCodec<TargetInfo>> targetInfo(String name) {
        return Optional.ofNullable(name == null ? null : TARGET_INFO.get(name));
    }

    public static Optional<SectionCodec<InitDataSection>> initData(String name) {
        return Optional.ofNullable(name == null ? null : INIT_DATA.get(name));
    }

    public static Optional<SectionCodec<TextSection>> text(String name) {
        return Optional.ofNullable(name == null ? null : TEXT.get(name));
    }

    public static Optional<SectionCodec<FunctionSection>> function(String name) {
        return Optional.ofNullable(name == null ? null : FUNCTION.get(name));
    }

    public static Optional<SectionCodec<ExportSection>> export(String name) {
        return Optional.ofNullable(name == null ? null : EXPORT.get(name));
    }

    public static Optional<SectionCodec<RelocationSection>> relocation(String name) {
        return Optional.ofNullable(name == null ? null : RELOCATION.get(name));
    }
}
