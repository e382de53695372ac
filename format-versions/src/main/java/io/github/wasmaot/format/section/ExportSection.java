package io.github.wasmaot.format.section;

import java.util.List;

public record ExportSection(List<Export> exports) implements Section {
    public ExportSection {
        exports = List.copyOf(exports);
    }

    @Override
    public SectionKind kind() {
        return SectionKind.EXPORT;
    }
}
