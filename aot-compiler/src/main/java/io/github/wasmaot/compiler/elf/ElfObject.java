package io.github.wasmaot.compiler.elf;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A relocatable ELF64 little-endian object as the AOT image builder needs it.
 *
 * @param relocations RELA entries keyed by the index of the section they patch
 */
public record ElfObject(int machine, long version, long flags, List<ElfSection> sections, List<ElfSymbol> symbols,
                        Map<Integer, List<ElfRelocation>> relocations) {
    public ElfObject {
        sections = List.copyOf(sections);
        symbols = List.copyOf(symbols);
        relocations = Map.copyOf(relocations);
    }

    public ElfSection section(int index) {
        return sections.get(index);
    }

    /** The sections named {@code name}; an object may hold two {@code .rodata}, so callers key by index. */
    public List<ElfSection> sectionsNamed(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).toList();
    }

    public Optional<ElfSymbol> symbol(String name) {
        return symbols.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<ElfRelocation> relocationsFor(int sectionIndex) {
        return relocations.getOrDefault(sectionIndex, List.of());
    }
}
