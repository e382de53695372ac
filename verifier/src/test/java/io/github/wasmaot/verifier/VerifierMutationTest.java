package io.github.wasmaot.verifier;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.facts.IsaSupport;
import io.github.wasmaot.format.facts.RelocationKind;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.AotString;
import io.github.wasmaot.format.section.ElfMachine;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.RelocationSection;
import io.github.wasmaot.format.section.TargetInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AotVectors mutated in known ways, and the finding (with runtime text) each mutation must produce. */
class VerifierMutationTest {
    static List<AotVectors.Entry> vectors() {
        return AotVectors.all();
    }

    static List<AotVectors.Entry> current() {
        return AotVectors.all().stream().filter(v -> v.aotVersion() == 5).collect(Collectors.toList());
    }

    static List<AotVectors.Entry> withTextRelocations() {
        return AotVectors.all().stream()
                .filter(v -> Mutations.read(v).relocations().groups().stream()
                        .anyMatch(g -> g.targetsText() && !g.relocations().isEmpty()))
                .collect(Collectors.toList());
    }

    private static VerificationResult verifyOwn(AotVectors.Entry v, byte[] image) {
        return Verifier.verify(image, v.file(), TestProfiles.withFacts(v.profile()), Target.of(v.isa()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("current")
    void a48ByteTargetInfoRelabelledAsV3FailsLegacyWithInvalidSectionSize(AotVectors.Entry v) {
        byte[] relabelled = Mutations.putU32(v.bytes(), 4, 3);
        VerificationResult r = Verifier.verify(relabelled, v.file(), TestProfiles.withFacts("legacy"),
                Target.of(v.isa()));
        Finding f = r.errors().get(0);
        assertEquals(FindingCode.TARGET_INFO_SIZE, f.code());
        assertEquals("invalid section size", f.runtimeText());
        assertEquals("target_info", f.section());
        assertEquals(12, f.offset());
        assertTrue(f.message().contains("wamr-2.0/wamr-2.1/wamr-2.2"), f.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("current")
    void aV3ImageWithA48ByteTargetInfoIsHeaderCheckedAgainstWamr2x2(AotVectors.Entry v) {
        byte[] relabelled = Mutations.putU32(v.bytes(), 4, 3);
        VerificationResult r = Verifier.verify(relabelled, v.file(), TestProfiles.withFacts("wamr-2.2"),
                Target.of(v.isa()));
        assertTrue(r.first(FindingCode.PROFILE_FAMILY).orElseThrow().message().contains("wamr-2.2"));
        assertFalse(r.has(FindingCode.AOT_VERSION) || r.has(FindingCode.TARGET_INFO_SIZE)
                || r.has(FindingCode.LAYOUT_NOT_IMPLEMENTED), () -> r.findings().toString());
        // 2.2 decodes the bodies: a 2.4 element segment's tagged offset is not the 2.2 layout (u32 type + u64)
        boolean segments = !Mutations.read(v).initData().tableInitData().isEmpty();
        assertEquals(!segments, r.accepted(), () -> r.errors().toString());
        if (v.file().equals("features.wamr-2.4.x86_64.aot")) {
            // the real WAMR-2.2.0 iwasm on this relabelled image (2026-12-02): "AOT module load failed: invalid init
            // expr type."
            assertEquals("invalid init expr type.", r.runtimeText().orElseThrow(), () -> r.errors().toString());
        }
        VerificationResult legacy = Verifier.verify(relabelled, v.file(), TestProfiles.withFacts("wamr-1.3"),
                Target.of(v.isa()));
        assertEquals("invalid section size", legacy.runtimeText().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTextRelocations")
    void aRelocationKindTheLoaderDoesNotApplyIsReported(AotVectors.Entry v) {
        RuntimeProfile own = TestProfiles.withFacts(v.profile());
        IsaSupport isa = own.loaderFacts().orElseThrow().isa(v.isa()).orElseThrow();
        long unsupported = unsupportedType(isa);
        byte[] mutated = Mutations.editTextRelocation(Mutations.read(v), 0,
                r -> new Relocation(r.offset(), r.addend(), unsupported, r.symbolIndex(), r.symbol()));
        VerificationResult r = verifyOwn(v, mutated);
        Finding f = r.errors().get(0);
        assertEquals(FindingCode.RELOCATION_KIND, f.code(), () -> r.errors().toString());
        assertEquals("Load relocation section failed: invalid relocation type " + unsupported + ".",
                f.runtimeText());
        assertEquals("relocation", f.section());
    }

    /** A kind some other pinned runtime applies but this one does not, else a type no runtime knows. */
    private static long unsupportedType(IsaSupport isa) {
        for (String other : List.of("wamr-2.4", "wamr-cba4c782")) {
            IsaSupport o = TestProfiles.withFacts(other).loaderFacts().orElseThrow().isas()
                    .get(isa.eMachine() == ElfMachine.X86_64.value() ? "x86_64" : "aarch64");
            for (RelocationKind k : o.relocations()) {
                if (isa.relocation(k.type()).isEmpty()) {
                    return k.type();
                }
            }
        }
        return 0xBEEF;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTextRelocations")
    void aSymbolTheRuntimeCannotResolveIsReported(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        RelocationGroup g = image.relocations().groups().stream().filter(x -> x.targetsText()
                && !x.relocations().isEmpty()).findFirst().orElseThrow();
        int symbol = (int) g.relocations().get(0).symbolIndex();
        byte[] mutated = Mutations.replaceSection(image, s -> {
            if (!(s instanceof RelocationSection r)) {
                return s;
            }
            List<AotString> symbols = new ArrayList<>(r.symbols());
            symbols.set(symbol, AotString.of("no_such_runtime_symbol\0"));
            return new RelocationSection(symbols, r.groups());
        });
        Finding f = verifyOwn(v, mutated).errors().get(0);
        assertEquals(FindingCode.RELOCATION_SYMBOL, f.code());
        assertEquals("resolve symbol no_such_runtime_symbol failed", f.runtimeText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTextRelocations")
    void aBranchToAnAotFunctionBeyondItsRangeIsReported(AotVectors.Entry v) {
        RuntimeProfile own = TestProfiles.withFacts(v.profile());
        IsaSupport isa = own.loaderFacts().orElseThrow().isa(v.isa()).orElseThrow();
        long branchType = isa.relocations().stream()
                .filter(k -> k.name().equals(isa.branchRange().relocation())).findFirst().orElseThrow().type();
        AotImage image = Mutations.read(v);
        int funcSymbol = -1;
        for (int i = 0; i < image.relocations().symbols().size(); i++) {
            if (image.relocations().symbols().get(i).text().equals("aot_func#0")) {
                funcSymbol = i;
            }
        }
        if (funcSymbol < 0) {
            // Give the image an aot_func#0 symbol to branch to.
            int added = image.relocations().symbols().size();
            byte[] withSymbol = Mutations.replaceSection(image, s -> s instanceof RelocationSection r
                    ? new RelocationSection(append(r.symbols(), AotString.of("aot_func#0\0")), r.groups()) : s);
            image = readBytes(withSymbol, v.file());
            funcSymbol = added;
        }
        long far = isa.branchRange().max() * 2;
        int sym = funcSymbol;
        AotString name = image.relocations().symbols().get(sym);
        byte[] mutated = Mutations.editTextRelocation(image, 0,
                r -> new Relocation(0, far, branchType, sym, name));
        VerificationResult r = verifyOwn(v, mutated);
        Finding f = r.errors().get(0);
        assertEquals(FindingCode.BRANCH_RANGE, f.code(), () -> r.errors().toString());
        String expected = own.loaderFacts().orElseThrow().errors().getOrDefault("relocationRange." + v.isa(),
                own.loaderFacts().orElseThrow().errors().get("relocationRange"));
        assertEquals(expected, f.runtimeText());
    }

    private static AotImage readBytes(byte[] bytes, String name) {
        try {
            return io.github.wasmaot.format.AotReader.read(bytes, name);
        } catch (io.github.wasmaot.format.AotFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aTruncatedFileIsReportedWithTheOffsetWhereItEnds(AotVectors.Entry v) {
        byte[] bytes = v.bytes();
        for (int cut : new int[] {2, 6, 8 + 6, bytes.length / 2, bytes.length - 1}) {
            byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
            VerificationResult r = verifyOwn(v, truncated);
            Finding f = r.errors().get(0);
            assertEquals(FindingCode.TRUNCATED, f.code(), () -> "cut at " + cut + ": " + r.errors());
            assertEquals("unexpect end", f.runtimeText());
            assertTrue(f.offset() >= 0 && f.offset() <= cut, "offset " + f.offset() + " for cut " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void headerAndTargetInfoDefectsCarryTheRuntimeText(AotVectors.Entry v) {
        byte[] bytes = v.bytes();
        byte[] badMagic = bytes.clone();
        badMagic[1] = 'x';
        assertEquals("magic header not detected", verifyOwn(v, badMagic).errors().get(0).runtimeText());

        AotImage image = Mutations.read(v);
        TargetInfo t = image.targetInfo();
        byte[] bigEndian = Mutations.replaceSection(image, s -> s instanceof TargetInfo x ? new TargetInfo(
                x.binType() | 1, x.abiType(), x.eType(), x.eMachine(), x.eVersion(), x.eFlags(), x.featureFlags(),
                x.reserved(), x.arch()) : s);
        Finding e = verifyOwn(v, bigEndian).errors().get(0);
        assertEquals(FindingCode.ENDIANNESS, e.code());
        assertEquals("invalid target endian type, expected little endian but got big endian", e.runtimeText());

        byte[] bits32 = Mutations.replaceSection(image, s -> s instanceof TargetInfo x ? new TargetInfo(
                x.binType() & ~2, x.abiType(), x.eType(), x.eMachine(), x.eVersion(), x.eFlags(), x.featureFlags(),
                x.reserved(), x.arch()) : s);
        // Pointer width changes the function/relocation layouts too; the runtime stops at the bit width.
        Finding b = verifyOwn(v, bits32).errors().get(0);
        assertEquals(FindingCode.BITNESS, b.code());
        assertEquals("invalid target bit width, expected 64-bit but got 32-bit", b.runtimeText());

        byte[] elfVersion = Mutations.replaceSection(image, s -> s instanceof TargetInfo x ? new TargetInfo(
                x.binType(), x.abiType(), x.eType(), x.eMachine(), 2, x.eFlags(), x.featureFlags(),
                x.reserved(), x.arch()) : s);
        assertEquals("invalid elf file version", verifyOwn(v, elfVersion).errors().get(0).runtimeText());

        // e_machine of the other ISA: x86_64 names its machine type itself, AArch64 takes the arch string.
        boolean x86 = v.isa().equals("x86_64");
        int otherMachine = x86 ? ElfMachine.AARCH64.value() : ElfMachine.X86_64.value();
        byte[] machine = Mutations.replaceSection(image, s -> s instanceof TargetInfo x ? new TargetInfo(
                x.binType(), x.abiType(), x.eType(), otherMachine, x.eVersion(), x.eFlags(), x.featureFlags(),
                x.reserved(), x.arch()) : s);
        VerificationResult m = verifyOwn(v, machine);
        Finding mf = m.first(FindingCode.E_MACHINE).orElseThrow();
        if (x86) {
            assertEquals(Severity.WARNING, mf.severity(), "arch \"x86_64\" still matches");
            assertTrue(m.accepted(), () -> m.errors().toString());
        } else {
            assertEquals("machine type (x86_64) isn't consistent with target type (aarch64v8)", mf.runtimeText());
        }
        assertTrue(t.eVersion() == 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("current")
    void aFeatureTheRuntimeBuildCannotHonourIsReported(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        byte[] gc = Mutations.replaceSection(image, s -> s instanceof TargetInfo x ? new TargetInfo(x.binType(),
                x.abiType(), x.eType(), x.eMachine(), x.eVersion(), x.eFlags(),
                OptionalLong.of(x.featureFlags().orElse(0) | (1L << 4)), x.reserved(), x.arch()) : s);
        Finding f = verifyOwn(v, gc).errors().get(0);
        assertEquals(FindingCode.FEATURE_FLAGS, f.code());
        assertEquals("garbage collection is not enabled in this build", f.runtimeText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void duplicateExportNamesFollowTheLoaderFacts(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        byte[] dup = Mutations.replaceSection(image, s -> {
            if (!(s instanceof io.github.wasmaot.format.section.ExportSection e)) {
                return s;
            }
            List<io.github.wasmaot.format.section.Export> exports = new ArrayList<>(e.exports());
            exports.add(exports.get(0));
            return new io.github.wasmaot.format.section.ExportSection(exports);
        });
        RuntimeProfile own = TestProfiles.withFacts(v.profile());
        VerificationResult r = verifyOwn(v, dup);
        Finding f = r.first(FindingCode.DUPLICATE_EXPORT).orElseThrow();
        java.util.Optional<String> text = own.loaderFacts().orElseThrow().error("exportDuplicate");
        if (text.isPresent()) {
            assertEquals(Severity.ERROR, f.severity());
            assertEquals(text.get(), f.runtimeText());
        } else {
            assertEquals(Severity.WARNING, f.severity());
            assertTrue(r.accepted());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void sectionOrderDuplicatesAndMissingSectionsAreReported(AotVectors.Entry v) {
        byte[] bytes = v.bytes();
        AotImage image = Mutations.read(v);
        int exportHeader = image.sections().get(4).headerOffset();
        VerificationResult dup = verifyOwn(v, Mutations.putU32(bytes, exportHeader, 3));
        assertEquals(FindingCode.DUPLICATE_SECTION, dup.errors().get(0).code());
        assertEquals("invalid section order", dup.errors().get(0).runtimeText());
        assertEquals(exportHeader, dup.errors().get(0).offset());

        // End the file right after the export body (before any alignment padding, which the loader would
        // try to read past and report as "unexpect end").
        int exportEnd = image.sections().get(4).bodyOffset() + (int) image.sections().get(4).size();
        byte[] noReloc = java.util.Arrays.copyOf(bytes, exportEnd);
        VerificationResult missing = verifyOwn(v, noReloc);
        assertEquals(FindingCode.SECTION_MISSING, missing.errors().get(0).code());
        assertEquals("section missing", missing.errors().get(0).runtimeText());

        VerificationResult badId = verifyOwn(v, Mutations.putU32(bytes, exportHeader, 77));
        assertEquals(FindingCode.SECTION_ID, badId.errors().get(0).code());
        assertEquals("invalid section id", badId.errors().get(0).runtimeText());
        assertFalse(badId.accepted());
    }
}
