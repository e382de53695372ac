package io.github.wasmaot.compiler.image;

import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.elf.ElfObject;
import io.github.wasmaot.compiler.elf.ElfRelocation;
import io.github.wasmaot.compiler.elf.ElfSection;
import io.github.wasmaot.compiler.elf.ElfSymbol;
import io.github.wasmaot.format.section.AotString;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.RelocationSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relocation section: one group per patched section ({@code .rela.text}, {@code .rela.rodata}...),
 * symbols by name: runtime helpers, {@code aot_func#N}, or the name of a section for section-relative
 * references. The symbol table lists each group name followed by the symbols it introduces.
 */
final class RelocationBuilder {
    private final ElfObject object;
    private final ElfSection text;
    private final AotStrings strings;
    private final Map<String, Integer> symbolIndex = new LinkedHashMap<>();
    private final List<AotString> symbols = new ArrayList<>();
    private final List<RelocationGroup> groups = new ArrayList<>();

    RelocationBuilder(ElfObject object, ElfSection text, AotStrings strings) {
        this.object = object;
        this.text = text;
        this.strings = strings;
    }

    static RelocationSection build(ElfObject object, ObjectLayout layout, AotStrings strings) {
        RelocationBuilder rb = new RelocationBuilder(object, layout.text(), strings);
        rb.group(layout.text());
        layout.data().forEach(rb::group);
        for (ElfSection s : object.sections()) {
            boolean emitted = s == layout.text() || layout.data().contains(s);
            if (!emitted && !object.relocationsFor(s.index()).isEmpty() && s.isAlloc()) {
                throw new CompileException("internal error: relocations against section " + s.name()
                        + " that the image does not carry");
            }
        }
        return new RelocationSection(rb.symbols, rb.groups);
    }

    private void group(ElfSection target) {
        List<ElfRelocation> relocations = object.relocationsFor(target.index());
        if (relocations.isEmpty()) {
            return;
        }
        int nameIndex = intern(".rela" + imageName(target));
        List<Relocation> out = new ArrayList<>();
        for (ElfRelocation r : relocations) {
            ElfSymbol sym = object.symbols().get(r.symbolIndex());
            String name;
            long addend = r.addend();
            if (sym.isSection()) {
                name = imageName(object.section(sym.sectionIndex()));
            } else if (!sym.isUndefined() && sym.binding() == 0) {
                name = imageName(object.section(sym.sectionIndex()));
                addend += sym.value();
            } else {
                name = sym.name();
            }
            int idx = intern(name);
            out.add(new Relocation(r.offset(), addend, Integer.toUnsignedLong(r.type()), idx, symbols.get(idx)));
        }
        groups.add(new RelocationGroup(nameIndex, symbols.get(nameIndex), out));
    }

    /** The image has one text section, {@code .text}, whatever LLVM called it ({@code .ltext} in the large model). */
    private String imageName(ElfSection section) {
        return section == text ? ".text" : section.name();
    }

    private int intern(String name) {
        return symbolIndex.computeIfAbsent(name, n -> {
            symbols.add(strings.of(n));
            return symbols.size() - 1;
        });
    }
}
