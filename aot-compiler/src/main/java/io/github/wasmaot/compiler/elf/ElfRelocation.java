package io.github.wasmaot.compiler.elf;

/** One RELA entry: where in the target section, its ELF type, the symbol table index and the addend. */
public record ElfRelocation(long offset, int type, int symbolIndex, long addend) {
}
