package io.github.wasmaot.compiler.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the parts of a relocatable ELF64 little-endian object that an AOT image needs. */
public final class ElfReader {
    private static final int ET_REL = 1;

    private ElfReader() {
    }

    public static ElfObject read(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 64 || b.getInt(0) != 0x464c457f) {
            throw new IllegalArgumentException("not an ELF object");
        }
        if (bytes[4] != 2 || bytes[5] != 1) {
            throw new IllegalArgumentException("not an ELF64 little-endian object");
        }
        if (b.getShort(16) != ET_REL) {
            throw new IllegalArgumentException("not a relocatable ELF object");
        }
        int machine = Short.toUnsignedInt(b.getShort(18));
        long version = Integer.toUnsignedLong(b.getInt(20));
        long flags = Integer.toUnsignedLong(b.getInt(48));
        long shoff = b.getLong(40);
        int shentsize = Short.toUnsignedInt(b.getShort(58));
        int shnum = Short.toUnsignedInt(b.getShort(60));
        int shstrndx = Short.toUnsignedInt(b.getShort(62));

        long[][] headers = new long[shnum][];
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            headers[i] = new long[] {
                Integer.toUnsignedLong(b.getInt(h)), Integer.toUnsignedLong(b.getInt(h + 4)), b.getLong(h + 8),
                b.getLong(h + 24), b.getLong(h + 32), Integer.toUnsignedLong(b.getInt(h + 40)),
                Integer.toUnsignedLong(b.getInt(h + 44)), b.getLong(h + 48), b.getLong(h + 56)};
        }
        long[] strHeader = headers[shstrndx];
        List<ElfSection> sections = new ArrayList<>(shnum);
        for (int i = 0; i < shnum; i++) {
            long[] h = headers[i];
            int type = (int) h[1];
            byte[] data = type == ElfSection.SHT_NOBITS ? new byte[0]
                    : slice(bytes, h[3], h[4]);
            sections.add(new ElfSection(i, cString(bytes, strHeader[3] + h[0]), type, h[2], (int) h[6],
                    (int) h[5], h[7], data, h[4]));
        }

        List<ElfSymbol> symbols = new ArrayList<>();
        Map<Integer, List<ElfRelocation>> relocations = new HashMap<>();
        for (ElfSection s : sections) {
            if (s.type() == ElfSection.SHT_SYMTAB) {
                long strOff = headers[s.link()][3];
                ByteBuffer sb = ByteBuffer.wrap(s.data()).order(ByteOrder.LITTLE_ENDIAN);
                for (int at = 0, n = 0; at + 24 <= s.data().length; at += 24, n++) {
                    int info = Byte.toUnsignedInt(sb.get(at + 4));
                    symbols.add(new ElfSymbol(n, cString(bytes, strOff + Integer.toUnsignedLong(sb.getInt(at))),
                            sb.getLong(at + 8), sb.getLong(at + 16), Short.toUnsignedInt(sb.getShort(at + 6)),
                            info & 0xf, info >> 4));
                }
            } else if (s.type() == ElfSection.SHT_RELA) {
                ByteBuffer rb = ByteBuffer.wrap(s.data()).order(ByteOrder.LITTLE_ENDIAN);
                List<ElfRelocation> list = new ArrayList<>();
                for (int at = 0; at + 24 <= s.data().length; at += 24) {
                    long info = rb.getLong(at + 8);
                    list.add(new ElfRelocation(rb.getLong(at), (int) (info & 0xffffffffL), (int) (info >>> 32),
                            rb.getLong(at + 16)));
                }
                relocations.put(s.info(), list);
            }
        }
        return new ElfObject(machine, version, flags, sections, symbols, relocations);
    }

    private static byte[] slice(byte[] bytes, long offset, long size) {
        if (offset < 0 || size < 0 || offset + size > bytes.length) {
            throw new IllegalArgumentException("ELF section out of bounds");
        }
        byte[] out = new byte[(int) size];
        System.arraycopy(bytes, (int) offset, out, 0, (int) size);
        return out;
    }

    private static String cString(byte[] bytes, long offset) {
        int start = (int) offset;
        int end = start;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }
}
