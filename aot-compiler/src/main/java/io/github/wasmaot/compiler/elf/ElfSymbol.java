package io.github.wasmaot.compiler.elf;

/**
 * One symbol-table entry.
 *
 * @param sectionIndex {@code st_shndx} (0 = undefined)
 * @param type         {@code ELF64_ST_TYPE}: 0 notype, 1 object, 2 func, 3 section
 * @param binding      {@code ELF64_ST_BIND}: 0 local, 1 global, 2 weak
 */
public record ElfSymbol(int index, String name, long value, long size, int sectionIndex, int type, int binding) {
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;

    public boolean isUndefined() {
        return sectionIndex == 0;
    }

    public boolean isSection() {
        return type == STT_SECTION;
    }
}
