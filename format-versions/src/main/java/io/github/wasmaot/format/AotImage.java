package io.github.wasmaot.format;

import io.github.wasmaot.format.profile.RuntimeProfile;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A decoded WAMR AOT image: header, the profile whose layouts decoded it, and its sections in file order.
 * A successfully read image always has the six standard sections.
 */
public record AotImage(String fileName, long magic, long version, RuntimeProfile profile,
                       List<PlacedSection> sections) {
    /** "\0aot" read as a little-endian u32. */
    public static final long MAGIC = 0x746f6100L;

    public AotImage {
        sections = List.copyOf(sections);
    }

    public Optional<PlacedSection> placed(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst();
    }

    private <T extends Section> T body(SectionKind kind, Class<T> type) {
        return placed(kind).map(p -> type.cast(p.body()))
                .orElseThrow(() -> new IllegalStateException("image has no " + kind.label() + " section"));
    }

    public TargetInfo targetInfo() {
        return body(SectionKind.TARGET_INFO, TargetInfo.class);
    }

    public InitDataSection initData() {
        return body(SectionKind.INIT_DATA, InitDataSection.class);
    }

    public TextSection text() {
        return body(SectionKind.TEXT, TextSection.class);
    }

    public FunctionSection functions() {
        return body(SectionKind.FUNCTION, FunctionSection.class);
    }

    public ExportSection exports() {
        return body(SectionKind.EXPORT, ExportSection.class);
    }

    public RelocationSection relocations() {
        return body(SectionKind.RELOCATION, RelocationSection.class);
    }

    public List<CustomSection> customSections() {
        return sections.stream().map(PlacedSection::body).filter(CustomSection.class::isInstance)
                .map(CustomSection.class::cast).collect(Collectors.toList());
    }
}
