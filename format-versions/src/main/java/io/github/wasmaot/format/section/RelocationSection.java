package io.github.wasmaot.format.section;

import java.util.List;

/** The relocation section: a symbol table (strings, 2-byte aligned) and the relocation groups. */
public record RelocationSection(List<AotString> symbols, List<RelocationGroup> groups) implements Section {
    public RelocationSection {
        symbols = List.copyOf(symbols);
        groups = List.copyOf(groups);
    }

    public int relocationCount() {
        return groups.stream().mapToInt(g -> g.relocations().size()).sum();
    }

    @Override
    public SectionKind kind() {
        return SectionKind.RELOCATION;
    }
}
