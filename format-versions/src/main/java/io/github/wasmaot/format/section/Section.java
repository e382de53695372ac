package io.github.wasmaot.format.section;

/** The decoded body of one AOT section. */
public sealed interface Section
        permits TargetInfo, InitDataSection, TextSection, FunctionSection, ExportSection, RelocationSection,
        CustomSection {
    SectionKind kind();
}
