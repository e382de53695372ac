package io.github.wasmaot.verifier;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.facts.BranchRange;
import io.github.wasmaot.format.facts.IsaSupport;
import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.facts.RelocationKind;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.SectionKind;
import io.github.wasmaot.format.section.TextSection;
import io.github.wasmaot.format.section.init.ObjectDataSection;
import io.github.wasmaot.format.section.AotString;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What WAMR's do_text_relocation / do_data_relocation / apply_relocation would refuse: relocation kinds the
 * ISA's loader does not apply, offsets outside their target, symbols it cannot resolve, and branches out
 * of range.
 */
final class RelocationCheck {
    static final String FUNC_PREFIX = "aot_func#";
    private static final String SECTION = "relocation";
    /** Data section names the loaders resolve through their object data sections. */
    private static final Set<String> DATA_NAMES = Set.of(".data", ".sdata", ".rdata", ".rodata", ".srodata",
            ".aot_stack_sizes");
    private static final List<String> DATA_PREFIXES = List.of(".rodata.cst", ".srodata.cst", ".rodata.str");

    private RelocationCheck() {
    }

    static void run(AotImage image, IsaSupport isa, String isaName, LoaderFacts facts, String runtime,
            RuntimeTexts texts, FindingList out) {
        PlacedSection placed = image.placed(SectionKind.RELOCATION).orElseThrow();
        long at = placed.bodyOffset();
        InitDataSection init = image.initData();
        TextSection text = image.text();
        Set<String> dataSections = new HashSet<>();
        for (ObjectDataSection d : init.objectDataSections()) {
            dataSections.add(d.name().text());
        }
        boolean first = !out.hasErrors();
        // a wasi-libc image has thousands of relocations over a few dozen symbols: decode and judge each once
        Map<Long, Optional<RelocationKind>> kinds = new HashMap<>();
        Map<AotString, String> names = new HashMap<>();
        Map<String, Optional<String>> problems = new HashMap<>();
        List<Long> functionOffsets = image.functions().textOffsets();
        // helpers the runtime registers only with a build option its own Linux build leaves off: option -> symbols
        Map<String, Set<String>> needsOption = new TreeMap<>();
        Optional<BranchRange> branch = isa.branch();
        for (RelocationGroup g : image.relocations().groups()) {
            String group = g.name().text();
            long targetSize;
            boolean toText = g.targetsText();
            boolean toCode = toText && !g.targetsLiteral();
            if (toText) {
                targetSize = toCode ? text.codeSize() : text.literal().length;
            } else {
                String dataName = group.startsWith(".rela.") ? group.substring(5)
                        : group.startsWith(".rel.") ? group.substring(4) : null;
                if (dataName == null) {
                    out.error(FindingCode.RELOCATION_SYMBOL, SECTION, at, "relocation group " + group
                            + " names no data section", first ? texts.get("dataRelocationSectionName",
                                    "invalid data relocation section name") : null);
                    first = false;
                    continue;
                }
                Optional<ObjectDataSection> data = init.objectDataSections().stream()
                        .filter(d -> d.name().text().equals(dataName)).findFirst();
                if (data.isEmpty()) {
                    if (!g.relocations().isEmpty()) {
                        out.error(FindingCode.RELOCATION_SYMBOL, SECTION, at, "relocation group " + group
                                + " targets missing data section " + dataName,
                                first ? texts.get("dataRelocationCount", "invalid data relocation count") : null);
                        first = false;
                    }
                    continue;
                }
                targetSize = data.get().data().length;
            }
            for (Relocation r : g.relocations()) {
                String symbol = names.computeIfAbsent(r.symbol(), AotString::text);
                Optional<RelocationKind> kind = kinds.computeIfAbsent(r.type(), isa::relocation);
                if (toText && symbol.startsWith(FUNC_PREFIX)
                        && functionIndex(symbol).orElse(-1L) == init.funcCount()) {
                    out.error(FindingCode.RELOCATION_SYMBOL, SECTION, at, where(group, r) + ": symbol " + symbol
                            + " names function " + init.funcCount() + " of " + init.funcCount() + "; the runtime's"
                            + " check (index > func_count) lets it through and it would read past func_ptrs",
                            null);
                    continue;
                }
                if (toText) {
                    Optional<String> bad = problems.computeIfAbsent(symbol,
                            sym -> symbolProblem(sym, init, dataSections, isa, texts));
                    if (bad.isPresent()) {
                        out.error(FindingCode.RELOCATION_SYMBOL, SECTION, at, where(group, r) + ": symbol " + symbol
                                + " cannot be resolved by this runtime", first ? bad.get() : null);
                        first = false;
                        continue;
                    }
                    facts.buildFeatureOf(symbol).filter(facts::offByDefault)
                            .ifPresent(o -> needsOption.computeIfAbsent(o, k -> new TreeSet<>()).add(symbol));
                } else if (!symbol.equals(".text") && !symbol.equals(".ltext")) {
                    out.error(FindingCode.RELOCATION_SYMBOL, SECTION, at, where(group, r) + ": data relocation to "
                            + symbol, first ? texts.get("dataRelocationSymbol", "invalid relocation symbol %s",
                                    symbol) : null);
                    first = false;
                    continue;
                }
                if (kind.isEmpty()) {
                    out.error(FindingCode.RELOCATION_KIND, SECTION, at, where(group, r) + ": relocation type "
                            + r.type() + " is not applied by this runtime's " + isaName + " loader (it applies "
                            + isa.relocations().stream().map(RelocationKind::name).toList() + ")",
                            first ? texts.getFor("relocationType", isaName,
                                    "Load relocation section failed: invalid relocation type %d.", r.type()) : null);
                    first = false;
                    continue;
                }
                int width = patchWidth(kind.get());
                if (Long.compareUnsigned(r.offset(), targetSize) >= 0 || r.offset() + width > targetSize) {
                    out.error(FindingCode.RELOCATION_OFFSET, SECTION, at, where(group, r) + ": the " + width + " bytes "
                            + kind.get().name() + " patches are not all inside its " + targetSize
                            + "-byte target", first
                                    ? texts.get("relocationOffset", "invalid relocation offset.") : null);
                    first = false;
                    continue;
                }
                if (toCode && branch.isPresent() && branch.get().relocation().equals(kind.get().name())) {
                    Optional<String> range = branchProblem(r, symbol, functionOffsets, text, branch.get());
                    if (range.isPresent()) {
                        String rangeText = range.get().startsWith("PLT")
                                ? texts.get("pltAddend",
                                        "relocate to plt table with reloc addend larger than 0 is unsupported.")
                                : texts.getFor("relocationRange", isaName, "target address out of range.");
                        out.error(FindingCode.BRANCH_RANGE, SECTION, at, where(group, r) + ": " + range.get(),
                                first ? rangeText : null);
                        first = false;
                    }
                }
            }
        }
        needsOption.forEach((option, symbols) -> out.warning(FindingCode.BUILD_OPTION, SECTION, at,
                "the image calls " + String.join(", ", symbols) + ", which " + runtime + " registers only when built"
                + " with " + option + ", off in its own Linux build: build the runtime with -D"
                + option.replace("WASM_ENABLE_", "WAMR_BUILD_") + "=1, or it refuses the image"));
    }

    /**
     * Bytes apply_relocation reads and writes at the offset (its CHECK_RELOC_OFFSET size): 8 for the 64-bit
     * data relocations (R_X86_64_64, R_X86_64_PC64, R_AARCH64_ABS64, R_RISCV_64), 4 for the others.
     */
    private static String where(String group, Relocation r) {
        return group + " offset 0x" + Long.toHexString(r.offset());
    }

    static int patchWidth(RelocationKind kind) {
        String n = kind.name();
        return n.equals("R_X86_64_64") || n.equals("R_X86_64_PC64") || n.equals("R_AARCH64_ABS64")
                || n.equals("R_AARCH64_PREL64") || n.equals("R_RISCV_64") ? 8 : 4;
    }

    private static Optional<String> symbolProblem(String symbol, InitDataSection init, Set<String> dataSections,
                                                  IsaSupport isa, RuntimeTexts texts) {
        if (symbol.startsWith(FUNC_PREFIX)) {
            Optional<Long> index = functionIndex(symbol);
            if (index.isEmpty() || index.get() > init.funcCount()) {
                return Optional.of(texts.get("aotFuncSymbol", "invalid import symbol %s", symbol));
            }
            return Optional.empty();
        }
        if (symbol.equals(".text") || symbol.equals(".ltext") || symbol.equals(".literal")) {
            return Optional.empty();
        }
        if (DATA_NAMES.contains(symbol) || DATA_PREFIXES.stream().anyMatch(symbol::startsWith)) {
            return dataSections.contains(symbol) ? Optional.empty()
                    : Optional.of(texts.get("dataSectionSymbol", "invalid data section (%s)", symbol));
        }
        return isa.symbols().contains(symbol) ? Optional.empty()
                : Optional.of(texts.get("resolveSymbol", "resolve symbol %s failed", symbol));
    }

    /** atoi of the digits after the prefix, as the loader computes it. */
    static Optional<Long> functionIndex(String symbol) {
        String digits = symbol.substring(FUNC_PREFIX.length());
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        long v = 0;
        for (int i = 0; i < digits.length() && Character.isDigit(digits.charAt(i)) && v < Integer.MAX_VALUE; i++) {
            v = v * 10 + (digits.charAt(i) - '0');
        }
        return Optional.of(v);
    }

    /**
     * For a branch to an AOT function: S + A - P, where A is the addend plus, for AArch64 branches (whose
     * loader reads the initial addend from the instruction), the instruction's sign-extended imm26 * 4.
     */
    private static Optional<String> branchProblem(Relocation r, String symbol, List<Long> offsets, TextSection text,
                                                  BranchRange range) {
        boolean aarch64 = range.relocation().startsWith("R_AARCH64_");
        if (!symbol.startsWith(FUNC_PREFIX)) {
            // The AArch64 loader branches to runtime symbols through its PLT and refuses a positive addend.
            if (aarch64 && r.addend() > 0) {
                return Optional.of("PLT branch to runtime symbol " + symbol + " with addend " + r.addend()
                        + " > 0");
            }
            return Optional.empty();
        }
        long index = functionIndex(symbol).orElse(-1L);
        if (index < 0 || index >= offsets.size()) {
            return Optional.empty();
        }
        long initial = 0;
        if (aarch64) {
            long insn = text.codeWordAt(r.offset());
            if (insn < 0) {
                return Optional.empty();
            }
            long imm26 = insn & 0x3FFFFFFL;
            initial = ((imm26 << 2) ^ (1L << 27)) - (1L << 27);
        }
        long displacement = offsets.get((int) index) + initial + r.addend() - r.offset();
        if (!range.contains(displacement)) {
            return Optional.of("branch displacement " + displacement + " to " + symbol + " is outside ["
                    + range.min() + ", " + range.max() + "]");
        }
        return Optional.empty();
    }
}
