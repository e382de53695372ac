package io.github.wasmaot.compiler.elf;

/**
 * One section of a relocatable ELF64 object.
 *
 * @param index  section header index
 * @param type   {@code sh_type}
 * @param flags  {@code sh_flags}
 * @param info   {@code sh_info} (for relocation sections: the index of the section they patch)
 * @param link   {@code sh_link}
 * @param data   the contents (empty for SHT_NOBITS)
 * @param size   {@code sh_size} (also for SHT_NOBITS)
 */
public record ElfSection(int index, String name, int type, long flags, int info, int link, long align, byte[] data,
                         long size) {
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_RELA = 4;
    public static final int SHT_NOBITS = 8;
    public static final long SHF_ALLOC = 0x2;
    public static final long SHF_EXECINSTR = 0x4;

    public ElfSection {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public boolean isAlloc() {
        return (flags & SHF_ALLOC) != 0;
    }

    public boolean isExecutable() {
        return (flags & SHF_EXECINSTR) != 0;
    }
}
