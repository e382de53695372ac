package io.github.wasmaot.format.section;

import java.util.List;

/** Relocations for one object section, e.g. {@code .rela.text}. */
public record RelocationGroup(long nameIndex, AotString name, List<Relocation> relocations) {
    public RelocationGroup {
        relocations = List.copyOf(relocations);
    }

    /** WAMR applies these to code (or the literal pool) rather than to an object data section. */
    public boolean targetsText() {
        String n = name.text();
        return n.equals(".rel.text") || n.equals(".rela.text") || n.equals(".rela.literal");
    }

    public boolean targetsLiteral() {
        return name.text().equals(".rela.literal");
    }
}
