package io.github.wasmaot.compiler.elf;

import io.github.wasmaot.compiler.CompileException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links the objects of a module's partitions into one object, as if LLVM had emitted them together: allocated
 * sections of the same name are concatenated in partition order (each part at its own alignment), global symbols
 * ({@code aot_func#N}, runtime helpers) are merged by name, and every relocation is moved to the merged section.
 * A reference to a section of a partition becomes a local symbol at that part's offset in the merged section, so
 * the image's relocations stay "section name + addend" and "symbol name", the kinds the loader already accepts
 * within one object. Non-allocated sections (notes, address-significance tables) are left out.
 */
public final class ObjectLinker {
    private static final int SHN_LORESERVE = 0xff00;
    private static final int UNMAPPED = -1;

    private ObjectLinker() {
    }

    /** The merged object; a single object is returned as it is. */
    public static ElfObject link(List<ElfObject> objects) {
        if (objects.size() == 1) {
            return objects.get(0);
        }
        ElfObject first = objects.get(0);
        for (ElfObject o : objects) {
            if (o.machine() != first.machine() || o.version() != first.version() || o.flags() != first.flags()) {
                throw new CompileException("internal error: partition objects differ in ELF machine, version or flags");
            }
        }
        Map<String, MergedSection> merged = new LinkedHashMap<>();
        List<long[]> bases = new ArrayList<>(); // per object: base of each of its sections in the merged one
        List<int[]> sectionMap = new ArrayList<>(); // per object: merged section index, or UNMAPPED
        for (ElfObject o : objects) {
            long[] base = new long[o.sections().size()];
            int[] map = new int[o.sections().size()];
            java.util.Arrays.fill(map, UNMAPPED);
            for (ElfSection s : o.sections()) {
                if (s.index() == 0 || !s.isAlloc() || s.type() == ElfSection.SHT_RELA) {
                    continue;
                }
                MergedSection m = merged.computeIfAbsent(s.name(), n -> new MergedSection(merged.size() + 1, s));
                base[s.index()] = m.append(s);
                map[s.index()] = m.index;
            }
            bases.add(base);
            sectionMap.add(map);
        }
        List<ElfSection> sections = new ArrayList<>();
        sections.add(new ElfSection(0, "", 0, 0, 0, 0, 0, new byte[0], 0));
        for (MergedSection m : merged.values()) {
            sections.add(m.section());
        }

        List<ElfSymbol> symbols = new ArrayList<>();
        symbols.add(new ElfSymbol(0, "", 0, 0, 0, 0, 0));
        Map<String, Integer> globals = new HashMap<>();
        Map<Integer, List<ElfRelocation>> relocations = new HashMap<>();
        for (int p = 0; p < objects.size(); p++) {
            ElfObject o = objects.get(p);
            long[] base = bases.get(p);
            int[] map = sectionMap.get(p);
            int[] symbolMap = new int[o.symbols().size()];
            for (ElfSymbol sym : o.symbols()) {
                symbolMap[sym.index()] = mapSymbol(sym, base, map, symbols, globals);
            }
            for (Map.Entry<Integer, List<ElfRelocation>> e : new java.util.TreeMap<>(o.relocations()).entrySet()) {
                int target = map[e.getKey()];
                if (target == UNMAPPED) {
                    continue; // relocations of a section the image does not carry (not allocated)
                }
                List<ElfRelocation> out = relocations.computeIfAbsent(target, k -> new ArrayList<>());
                for (ElfRelocation r : e.getValue()) {
                    int symbol = symbolMap[r.symbolIndex()];
                    if (symbol == UNMAPPED) {
                        throw new CompileException("internal error: a relocation in " + o.section(e.getKey()).name()
                                + " refers to a section the image does not carry");
                    }
                    out.add(new ElfRelocation(r.offset() + base[e.getKey()], r.type(), symbol, r.addend()));
                }
            }
        }
        return new ElfObject(first.machine(), first.version(), first.flags(), sections, symbols, relocations);
    }

    private static int mapSymbol(ElfSymbol sym, long[] base, int[] map, List<ElfSymbol> symbols,
                                 Map<String, Integer> globals) {
        if (sym.index() == 0) {
            return 0;
        }
        int section = sym.sectionIndex();
        boolean inSection = section != 0 && section < SHN_LORESERVE;
        if (sym.binding() == 0) {
            if (!inSection) {
                return add(symbols, sym.name(), sym.value(), sym.size(), section, sym.type(), 0);
            }
            if (map[section] == UNMAPPED) {
                return UNMAPPED;
            }
            // a section symbol becomes a plain local one at the part's offset: "section + value" in the image
            int type = sym.isSection() ? 0 : sym.type();
            return add(symbols, sym.name(), sym.value() + base[section], sym.size(), map[section], type, 0);
        }
        long value = inSection ? sym.value() + base[section] : sym.value();
        int mappedSection = inSection ? map[section] : section;
        if (inSection && mappedSection == UNMAPPED) {
            return UNMAPPED;
        }
        Integer known = globals.get(sym.name());
        if (known == null) {
            int index = add(symbols, sym.name(), value, sym.size(), mappedSection, sym.type(), sym.binding());
            globals.put(sym.name(), index);
            return index;
        }
        if (!sym.isUndefined()) {
            if (!symbols.get(known).isUndefined()) {
                throw new CompileException("internal error: symbol " + sym.name() + " defined by two partitions");
            }
            symbols.set(known, new ElfSymbol(known, sym.name(), value, sym.size(), mappedSection, sym.type(),
                    sym.binding()));
        }
        return known;
    }

    private static int add(List<ElfSymbol> symbols, String name, long value, long size, int section, int type,
                           int binding) {
        int index = symbols.size();
        symbols.add(new ElfSymbol(index, name, value, size, section, type, binding));
        return index;
    }

    /** One section of the linked object, its parts appended in partition order. */
    private static final class MergedSection {
        final int index;
        final ElfSection first;
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        long size;
        long align = 1;

        MergedSection(int index, ElfSection first) {
            this.index = index;
            this.first = first;
        }

        /** Appends {@code s} at its alignment; returns where it starts. */
        long append(ElfSection s) {
            if (s.type() != first.type()) {
                throw new CompileException("internal error: partitions disagree on the type of section " + s.name());
            }
            long a = Math.max(1, s.align());
            align = Math.max(align, a);
            long start = (size + a - 1) / a * a;
            if (first.type() != ElfSection.SHT_NOBITS) {
                data.write(new byte[(int) (start - size)], 0, (int) (start - size));
                data.write(s.data(), 0, s.data().length);
            }
            size = start + s.size();
            return start;
        }

        ElfSection section() {
            byte[] bytes = first.type() == ElfSection.SHT_NOBITS ? new byte[0] : data.toByteArray();
            return new ElfSection(index, first.name(), first.type(), first.flags(), first.info(), first.link(), align,
                    bytes, size);
        }
    }
}
