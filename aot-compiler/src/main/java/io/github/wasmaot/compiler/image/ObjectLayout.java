package io.github.wasmaot.compiler.image;

import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.elf.ElfObject;
import io.github.wasmaot.compiler.elf.ElfSection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which sections of the emitted object become the image's text and object data sections. Anything else that
 * the code needs at run time is an error (no silent loss).
 */
record ObjectLayout(ElfSection text, List<ElfSection> data) {
    ObjectLayout {
        data = List.copyOf(data);
    }

    /** LLVM's large code model (wamrc {@code --size-level=0}) names them {@code .lrodata}, {@code .ldata}... */
    private static final List<String> DATA_PREFIXES = List.of(".rodata", ".data", ".bss", ".lrodata", ".ldata",
            ".lbss");
    /** x86_64's large code model puts code in {@code .ltext}; as in wamrc only one of the two is non-empty. */
    private static final Set<String> TEXT_NAMES = Set.of(".text", ".ltext");
    private static final List<String> IGNORED_PREFIXES = List.of(".note", ".comment", ".llvm_addrsig",
            ".eh_frame", ".group", ".symtab", ".strtab", ".shstrtab", ".rela");

    static ObjectLayout of(ElfObject object) {
        ElfSection text = null;
        List<ElfSection> data = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ElfSection s : object.sections()) {
            if (s.index() == 0 || s.name().isEmpty()) {
                continue;
            }
            if (s.isExecutable()) {
                if (s.size() == 0) {
                    // a module without functions still has an empty .text, which becomes the image's text
                    if (s.name().equals(".text") && text == null) {
                        text = s;
                    }
                    continue;
                }
                if (!TEXT_NAMES.contains(s.name()) || (text != null && text.size() > 0)) {
                    throw new CompileException("internal error: code in section " + s.name()
                            + (text != null ? " besides " + text.name() : "") + " (one .text or .ltext is supported)");
                }
                text = s;
            } else if (s.isAlloc() && DATA_PREFIXES.stream().anyMatch(p -> s.name().startsWith(p))) {
                if (s.size() == 0) {
                    continue;
                }
                if (!names.add(s.name())) {
                    throw new CompileException("internal error: the object has two data sections named "
                            + s.name() + "; the runtime resolves them by name");
                }
                data.add(s);
            } else if (s.isAlloc() && s.size() > 0
                    && IGNORED_PREFIXES.stream().noneMatch(p -> s.name().startsWith(p))) {
                throw new CompileException("internal error: unexpected object section " + s.name());
            }
        }
        if (text == null) {
            throw new CompileException("internal error: the object has no .text section");
        }
        return new ObjectLayout(text, data);
    }

    /** Data bytes of a section (zeros for .bss). */
    static byte[] bytesOf(ElfSection s) {
        return s.type() == ElfSection.SHT_NOBITS ? new byte[(int) s.size()] : s.data();
    }
}
