package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ByteSink;
import io.github.wasmaot.format.section.AotString;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.RelocationSection;
import java.util.ArrayList;
import java.util.List;

/**
 * Relocation section: symbol table (u32 count, u32 offsets, u32 total length, 2-byte-aligned u16-prefixed
 * strings) then groups (u32 name index, u32 count, relocations of pointer-sized offset and addend, u32 type,
 * u32 symbol index).
 */
public final class RelocationCodec implements SectionCodec<RelocationSection> {
    public static final String NAME = "relocation-symbol-table-groups";

    @Override
    public String layoutName() {
        return NAME;
    }

    @Override
    public RelocationSection read(ByteReader in, LayoutContext ctx) throws AotFormatException {
        int symbolCount = in.count(in.u32(), 4, "symbol");
        long[] offsets = new long[symbolCount];
        for (int i = 0; i < symbolCount; i++) {
            offsets[i] = in.u32();
        }
        long totalLength = in.u32();
        int tableStart = in.position();
        if (totalLength > in.remaining()) {
            throw in.error("symbol strings of " + totalLength + " bytes exceed the " + in.remaining() + " left",
                    "validate symbol table failed");
        }
        ByteReader strings = in.window("relocation", totalLength);
        List<AotString> symbols = new ArrayList<>(symbolCount);
        long expected = 0;
        for (int i = 0; i < symbolCount; i++) {
            if (offsets[i] != expected) {
                throw in.errorAt(tableStart, "symbol " + i + " at offset " + offsets[i] + ", expected "
                        + expected, "validate symbol table failed");
            }
            byte[] raw;
            try {
                raw = strings.string();
                strings.align(2);
            } catch (AotFormatException e) {
                throw in.errorAt((int) e.offset(), "symbol " + i + " runs past the symbol table",
                        "validate symbol table failed");
            }
            symbols.add(new AotString(raw));
            expected = (expected + 2 + raw.length + 1) & ~1L;
        }
        if (!strings.atEnd()) {
            throw in.errorAt(strings.position(), "symbol table has " + strings.remaining() + " unused bytes",
                    "validate symbol table failed");
        }
        in.skip(totalLength);
        int ptr = ctx.pointerSize();
        int groupCount = in.count(in.u32(), 8, "relocation group");
        List<RelocationGroup> groups = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            int at = in.position();
            long nameIndex = in.u32();
            if (nameIndex >= symbolCount) {
                throw in.errorAt(at, "group name index " + nameIndex + " of " + symbolCount,
                        "symbol index out of range");
            }
            int n = in.count(in.u32(), 2 * ptr + 8, "relocation");
            List<Relocation> relocations = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                long offset = ptr == 8 ? in.u64() : in.u32();
                long addend = ptr == 8 ? in.u64() : in.u32();
                long type = in.u32();
                int symAt = in.position();
                long symbol = in.u32();
                if (symbol >= symbolCount) {
                    throw in.errorAt(symAt, "symbol index " + symbol + " of " + symbolCount,
                            "symbol index out of range");
                }
                relocations.add(new Relocation(offset, addend, type, symbol, symbols.get((int) symbol)));
            }
            groups.add(new RelocationGroup(nameIndex, symbols.get((int) nameIndex), relocations));
        }
        if (!in.atEnd()) {
            throw in.error(in.remaining() + " bytes after the last relocation group", null);
        }
        return new RelocationSection(symbols, groups);
    }

    @Override
    public void write(RelocationSection s, ByteSink out, LayoutContext ctx) {
        out.u32(s.symbols().size());
        long offset = 0;
        for (AotString sym : s.symbols()) {
            out.u32(offset);
            offset = (offset + 2 + sym.length() + 1) & ~1L;
        }
        out.u32(offset);
        for (AotString sym : s.symbols()) {
            out.string(sym.raw()).align(2);
        }
        int ptr = ctx.pointerSize();
        out.u32(s.groups().size());
        for (RelocationGroup g : s.groups()) {
            out.u32(g.nameIndex()).u32(g.relocations().size());
            for (Relocation r : g.relocations()) {
                if (ptr == 8) {
                    out.u64(r.offset()).u64(r.addend());
                } else {
                    out.u32(r.offset()).u32(r.addend());
                }
                out.u32(r.type()).u32(r.symbolIndex());
            }
        }
    }
}
