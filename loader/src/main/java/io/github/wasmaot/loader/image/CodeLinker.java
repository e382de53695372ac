package io.github.wasmaot.loader.image;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.facts.IsaSupport;
import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.facts.RelocationKind;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.TextSection;
import io.github.wasmaot.format.section.init.ObjectDataSection;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.HostFunction;
import io.github.wasmaot.loader.backend.Protection;
import io.github.wasmaot.loader.reloc.PatchableSection;
import io.github.wasmaot.loader.reloc.Relocator;
import io.github.wasmaot.loader.reloc.SymbolTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the literal pool, code, PLT and object data sections of an image into one region, resolves symbols
 * like aot_loader.c's do_text_relocation / do_data_relocation and applies the relocations, then makes the
 * text read+exec and the data read+write.
 */
public final class CodeLinker {
    private static final String AOT_FUNC_PREFIX = "aot_func#";
    private static final int ALIGN = 16;

    private final Backend backend;
    private final LoaderFacts facts;
    private final IsaSupport isa;
    private final Relocator relocator;
    private final Map<String, HostFunction> helpers;

    /**
     * @param helpers Java implementations of runtime symbols, by symbol name
     */
    public CodeLinker(Backend backend, LoaderFacts facts, IsaSupport isa, Map<String, HostFunction> helpers) {
        this.backend = backend;
        this.facts = facts;
        this.isa = isa;
        this.relocator = Relocator.of(backend.isa(), facts);
        this.helpers = Map.copyOf(helpers);
    }

    private static long align(long v, long a) {
        return (v + a - 1) & -a;
    }

    public LinkedCode link(AotImage image) throws LoaderException {
        TextSection text = image.text();
        List<ObjectDataSection> data = image.initData().objectDataSections();
        int pltSize = relocator.pltEntrySize() * isa.symbols().size();

        long literalOff = 0;
        long codeOff = align(text.literal().length, ALIGN);
        long pltOff = align(codeOff + text.codeSize(), ALIGN);
        long textEnd = align(pltOff + pltSize, backend.pageSize());
        Map<String, Long> dataOffsets = new LinkedHashMap<>();
        long cursor = textEnd;
        for (ObjectDataSection d : data) {
            dataOffsets.put(d.name().text(), cursor);
            cursor = align(cursor + d.data().length, ALIGN);
        }
        long size = align(Math.max(cursor, textEnd), backend.pageSize());
        // aot_loader.c maps text and data sections with MMAP_MAP_32BIT on x86-64 (R_X86_64_32S, PC32)
        long base = backend.isa() == Isa.X86_64 ? backend.mapLow(size, Protection.READ_WRITE)
                : backend.map(size, Protection.READ_WRITE);

        PatchableSection literal = new PatchableSection(".literal", base + literalOff, text.literal());
        PatchableSection code = new PatchableSection(".text", base + codeOff, text.code());
        Map<String, PatchableSection> dataSections = new LinkedHashMap<>();
        for (ObjectDataSection d : data) {
            String name = d.name().text();
            dataSections.put(name, new PatchableSection(name, base + dataOffsets.get(name), d.data()));
        }
        List<Long> functions = new ArrayList<>();
        for (long off : image.functions().textOffsets()) {
            if (off < 0 || off >= text.codeSize()) {
                throw new LoaderException(Relocator.text(facts, "funcCodeOffset"));
            }
            functions.add(code.address() + off);
        }

        byte[] plt = new byte[pltSize];
        Resolver resolver = new Resolver(code, literal, dataSections, functions, base + pltOff, plt);
        for (RelocationGroup group : image.relocations().groups()) {
            PatchableSection target = targetOf(group, code, literal, dataSections);
            for (Relocation r : group.relocations()) {
                RelocationKind kind = isa.relocation(r.type()).orElseThrow(() -> new LoaderException(
                        Relocator.text(facts, "relocationType", r.type())));
                SymbolTarget sym = resolver.resolve(r.symbol().text());
                relocator.apply(target, r.offset(), r.addend(), r.type(), kind.name(), sym);
            }
        }

        backend.write(literal.address(), literal.bytes());
        backend.write(code.address(), code.bytes());
        backend.write(base + pltOff, plt);
        for (PatchableSection d : dataSections.values()) {
            backend.write(d.address(), d.bytes());
        }
        backend.protect(base, textEnd, Protection.READ_EXEC);
        Map<String, Long> dataAddresses = new LinkedHashMap<>();
        dataSections.forEach((n, s) -> dataAddresses.put(n, s.address()));
        return new LinkedCode(base, size, literal.address(), code.address(), base + pltOff, functions,
                dataAddresses);
    }

    private PatchableSection targetOf(RelocationGroup group, PatchableSection code, PatchableSection literal,
                                      Map<String, PatchableSection> data) throws LoaderException {
        String name = group.name().text();
        if (group.targetsLiteral()) {
            return literal;
        }
        if (group.targetsText()) {
            return code;
        }
        String section = name.startsWith(".rela.") ? name.substring(5)
                : name.startsWith(".rel.") ? name.substring(4) : name;
        PatchableSection s = data.get(section);
        if (s == null) {
            throw new LoaderException(Relocator.text(facts, "dataRelocationSectionName"));
        }
        return s;
    }

    /** Symbol resolution in the order of aot_loader.c do_text_relocation. */
    private final class Resolver {
        private final PatchableSection code;
        private final PatchableSection literal;
        private final Map<String, PatchableSection> data;
        private final List<Long> functions;
        private final long pltBase;
        private final byte[] plt;
        private final Map<String, SymbolTarget> resolved = new LinkedHashMap<>();

        Resolver(PatchableSection code, PatchableSection literal, Map<String, PatchableSection> data,
                 List<Long> functions, long pltBase, byte[] plt) {
            this.code = code;
            this.literal = literal;
            this.data = data;
            this.functions = functions;
            this.pltBase = pltBase;
            this.plt = plt;
        }

        SymbolTarget resolve(String symbol) throws LoaderException {
            SymbolTarget known = resolved.get(symbol);
            if (known == null) {
                known = resolveNew(symbol);
                resolved.put(symbol, known);
            }
            return known;
        }

        private boolean isDataSectionName(String s) {
            return s.equals(".data") || s.equals(".sdata") || s.equals(".rdata") || s.equals(".rodata")
                    || s.equals(".srodata") || s.startsWith(".rodata.cst") || s.startsWith(".srodata.cst")
                    || s.startsWith(".rodata.str") || s.equals(".aot_stack_sizes");
        }

        private SymbolTarget resolveNew(String symbol) throws LoaderException {
            if (symbol.startsWith(AOT_FUNC_PREFIX)) {
                String n = symbol.substring(AOT_FUNC_PREFIX.length());
                int index;
                try {
                    index = Integer.parseInt(n);
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index < 0 || index >= functions.size()) {
                    throw new LoaderException(Relocator.text(facts, "aotFuncSymbol", symbol));
                }
                return new SymbolTarget.Direct(symbol, functions.get(index));
            }
            if (symbol.equals(".text") || symbol.equals(".ltext")) {
                return new SymbolTarget.Direct(symbol, code.address());
            }
            if (isDataSectionName(symbol)) {
                PatchableSection s = data.get(symbol);
                if (s == null) {
                    throw new LoaderException(Relocator.text(facts, "dataSectionSymbol", symbol));
                }
                return new SymbolTarget.Direct(symbol, s.address());
            }
            if (symbol.equals(".literal")) {
                return new SymbolTarget.Direct(symbol, literal.address());
            }
            int index = isa.symbols().indexOf(symbol);
            HostFunction helper = helpers.get(symbol);
            if (index < 0 || helper == null) {
                throw new LoaderException(Relocator.text(facts, "resolveSymbol", symbol)
                        + (index >= 0 ? " (runtime helper not implemented by the loader)" : ""));
            }
            long entry = backend.hostEntry(helper);
            long pltEntry = pltBase + (long) index * relocator.pltEntrySize();
            byte[] bytes = relocator.pltEntry(entry);
            System.arraycopy(bytes, 0, plt, index * relocator.pltEntrySize(), bytes.length);
            return new SymbolTarget.RuntimeSymbol(symbol, index, entry, pltEntry);
        }
    }
}
