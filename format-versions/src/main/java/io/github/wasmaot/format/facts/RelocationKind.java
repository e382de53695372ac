package io.github.wasmaot.format.facts;

/** An ELF relocation type the runtime's apply_relocation handles for one ISA. */
public record RelocationKind(long type, String name) {
}
