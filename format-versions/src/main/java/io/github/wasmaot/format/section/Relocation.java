package io.github.wasmaot.format.section;

/** One relocation: where (offset in the group's target), addend, ELF relocation type, symbol. */
public record Relocation(long offset, long addend, long type, long symbolIndex, AotString symbol) {
}
