package io.github.wasmaot.compiler;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.SectionKind;
import io.github.wasmaot.format.section.TextSection;
import io.github.wasmaot.verifier.Target;
import io.github.wasmaot.verifier.VerificationResult;
import io.github.wasmaot.verifier.Verifier;
import io.github.wasmaot.wasm.instruction.Opcode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compiles add.wasm for the four cells and checks the images against the verifier and the real wamrc's. */
class AotCompilerTest {
    private static final Path ADD = AotVectors.dir().resolve("add.wasm");

    @TempDir
    Path tmp;

    static Stream<Arguments> cells() {
        return Stream.of(Arguments.of("wamr-cba4c782", "x86_64"), Arguments.of("wamr-cba4c782", "aarch64"),
                Arguments.of("wamr-2.4", "x86_64"), Arguments.of("wamr-2.4", "aarch64"));
    }

    private static byte[] compileAdd(String profile, String isa) {
        return AotCompiler.compile(TestFiles.read(ADD), "add.wasm", CompileOptions.of(profile, isa));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void verifierAcceptsForOwnProfileAndIsaOnly(String profile, String isa) {
        byte[] image = compileAdd(profile, isa);
        RuntimeProfile own = ProfileCatalog.byNameOrAlias(profile).orElseThrow();
        assertTrue(Verifier.verify(image, "add.aot", own, Target.of(isa)).accepted());

        String otherIsa = isa.equals("x86_64") ? "aarch64" : "x86_64";
        VerificationResult wrongIsa = Verifier.verify(image, "add.aot", own, Target.of(otherIsa));
        assertFalse(wrongIsa.accepted());

        RuntimeProfile other = ProfileCatalog.byNameOrAlias(profile.equals("wamr-2.4") ? "wamr-cba4c782"
                : "wamr-2.4").orElseThrow();
        VerificationResult wrongRuntime = Verifier.verify(image, "add.aot", other, Target.of(isa));
        assertFalse(wrongRuntime.accepted());
        assertEquals("unknown binary version", wrongRuntime.runtimeText().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("cells")
    void recompilingGivesIdenticalBytes(String profile, String isa) {
        assertArrayEquals(compileAdd(profile, isa), compileAdd(profile, isa));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void metadataSectionsEqualTheRealWamrcImage(String profile, String isa) throws Exception {
        AotVectors.Entry real = defaultImage("add.wasm", profile, isa);
        byte[] ours = compileAdd(profile, isa);
        byte[] theirs = TestFiles.read(real.path());
        AotImage a = AotReader.read(ours, "ours");
        AotImage b = AotReader.read(theirs, real.file());
        assertEquals(b.version(), a.version());
        for (SectionKind kind : List.of(SectionKind.TARGET_INFO, SectionKind.INIT_DATA, SectionKind.EXPORT,
                SectionKind.RELOCATION)) {
            assertArrayEquals(body(theirs, b, kind), body(ours, a, kind), kind.label() + " of " + real.file());
        }
        assertEquals(b.functions().typeIndexes(), a.functions().typeIndexes());
        assertEquals(b.functions().maxLocalCellNums(), a.functions().maxLocalCellNums());
        assertEquals(b.functions().maxStackCellNums(), a.functions().maxStackCellNums());
        assertEquals(b.initData().funcTypes().size(), a.initData().funcTypes().size());
        assertArrayEquals(b.initData().funcTypes().get(0).types(), a.initData().funcTypes().get(0).types());
    }

    /**
     * Byte for byte wamrc's image but for one deliberate difference: wamrc writes an empty literal, so the runtime's
     * page-aligned copy of the text section has the code at offset 4; ours pads the literal with 12 zero bytes so the
     * code keeps the 16-byte alignment LLVM laid it out for (TextSection.codeAligned).
     */
    @Test
    void x86_64ImagesOfAddAreWamrcsWithTheCodeAligned() throws Exception {
        for (String profile : List.of("wamr-cba4c782", "wamr-2.4")) {
            AotVectors.Entry real = defaultImage("add.wasm", profile, "x86_64");
            byte[] theirs = TestFiles.read(real.path());
            byte[] ours = compileAdd(profile, "x86_64");
            AotImage a = AotReader.read(ours, "ours");
            AotImage b = AotReader.read(theirs, real.file());
            assertEquals(b.sections().size(), a.sections().size());
            for (PlacedSection s : b.sections()) {
                SectionKind kind = s.kind();
                if (kind != SectionKind.TEXT) {
                    assertArrayEquals(body(theirs, b, kind), body(ours, a, kind), kind.label() + " of " + real.file());
                }
            }
            TextSection ourText = a.text();
            TextSection theirText = b.text();
            assertEquals(0, theirText.literal().length, real.file());
            assertArrayEquals(new byte[12], ourText.literal());
            assertArrayEquals(theirText.code(), ourText.code(), "code of " + real.file());
            assertEquals(theirs.length + 12, ours.length);
        }
    }

    @Test
    void aliasesAndWamrcIsaSpellingsSelectTheSameCell() {
        assertArrayEquals(compileAdd("wamr-cba4c782", "aarch64"), compileAdd("legacy", "arm64"));
        assertArrayEquals(compileAdd("wamr-2.4", "x86_64"), compileAdd("current", "x86-64"));
    }

    @Test
    void optionsAreCheckedBeforeLlvmRuns() {
        byte[] wasm = TestFiles.read(ADD);
        assertTrue(assertThrows(CompileException.class, () -> AotCompiler.compile(wasm, "add.wasm",
                CompileOptions.of("wamr-1.3", "riscv64"))).getMessage().contains("riscv64"));
        assertTrue(assertThrows(CompileException.class, () -> AotCompiler.compile(wasm, "add.wasm",
                CompileOptions.of("legacy", "riscv64"))).getMessage().contains("riscv64"));
        assertTrue(assertThrows(CompileException.class, () -> AotCompiler.compile(wasm, "add.wasm",
                CompileOptions.of("legacy", "x86_64").withOptLevel(4))).getMessage().contains("opt level"));
        assertTrue(assertThrows(CompileException.class, () -> AotCompiler.compile(wasm, "add.wasm",
                new CompileOptions("legacy", "x86_64", 3, false, "pentium"))).getMessage().contains("pentium"));
        assertTrue(assertThrows(CompileException.class, () -> AotCompiler.compile(wasm, "add.wasm",
                CompileOptions.of("no-such-runtime", "x86_64"))).getMessage().contains("unknown runtime"));
    }

    @Test
    void unsupportedInstructionNamesModuleFunctionAndOffset() {
        byte[] wasm = TinyModules.callToImportWithTwoResults();
        CompileException e = assertThrows(CompileException.class,
                () -> AotCompiler.compile(wasm, "call.wasm", CompileOptions.of("legacy", "x86_64")));
        assertEquals(0x25, TinyModules.offsetOf(wasm, Opcode.CALL));
        assertEquals("call.wasm: function 1: a call to an import with 2 results at offset 0x25 is not supported by "
                + "this compiler yet", e.getMessage());
        assertTrue(e.notYetTranslated(), "a refusal of valid wasm, not an error in the input");
    }

    @Test
    void tableSizeCompilesForBothProfiles() {
        for (String profile : List.of("legacy", "current")) {
            byte[] image = AotCompiler.compile(TinyModules.tableSize(), "size.wasm", CompileOptions.of(profile,
                    "x86_64"));
            assertTrue(Verifier.verify(image, "size.aot", ProfileCatalog.byNameOrAlias(profile).orElseThrow(),
                    Target.of("x86_64")).accepted());
        }
    }

    @Test
    void memoryFillCompilesWithItsBoundsCheck() {
        byte[] image = AotCompiler.compile(TinyModules.memoryFill(), "fill.wasm", CompileOptions.of("legacy",
                "x86_64"));
        assertTrue(Verifier.verify(image, "fill.aot", ProfileCatalog.byNameOrAlias("legacy").orElseThrow(),
                Target.of("x86_64")).accepted());
    }

    @Test
    void invalidModuleIsACompileException() {
        byte[] wasm = Arrays.copyOf(TestFiles.read(ADD), 20);
        assertThrows(CompileException.class,
                () -> AotCompiler.compile(wasm, "cut.wasm", CompileOptions.of("legacy", "x86_64")));
    }

    @Test
    void failedCompileLeavesNoOutputAndKeepsAnOldOne() throws Exception {
        Path in = tmp.resolve("size.wasm");
        Files.write(in, TinyModules.callToImportWithTwoResults());
        Path out = tmp.resolve("size.aot");
        assertThrows(CompileException.class,
                () -> AotCompiler.compileFile(in, out, CompileOptions.of("current", "x86_64")));
        assertFalse(Files.exists(out));
        Files.write(out, new byte[] {1, 2, 3});
        assertThrows(CompileException.class,
                () -> AotCompiler.compileFile(in, out, CompileOptions.of("current", "x86_64")));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of("size.aot", "size.wasm"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void compileFileWritesTheImage() throws Exception {
        Path out = tmp.resolve("sub/add.aot");
        AotCompiler.compileFile(ADD, out, CompileOptions.of("current", "aarch64"));
        assertArrayEquals(compileAdd("wamr-2.4", "aarch64"), Files.readAllBytes(out));
    }

    private static byte[] body(byte[] file, AotImage image, SectionKind kind) {
        PlacedSection p = image.placed(kind).orElseThrow();
        return Arrays.copyOfRange(file, p.bodyOffset(), p.bodyOffset() + (int) p.size());
    }

    /** The real wamrc image of {@code wasm} made with default options for one cell, from the manifest. */
    private static AotVectors.Entry defaultImage(String wasm, String profile, String isa) {
        return AotVectors.all().stream()
                .filter(e -> e.wasm().equals(wasm) && e.profile().equals(profile) && e.isa().equals(isa)
                        && !e.boundsChecks())
                .findFirst().orElseThrow(() -> new IllegalStateException("no vector " + wasm + " " + profile
                        + " " + isa));
    }

    /** x86_64 relocation types of the calls to aot_* helpers in an image of {@link TinyModules#tableAndBulkHelpers}. */
    private static java.util.Set<Long> helperRelocationTypes(CompileOptions options) throws Exception {
        AotImage image = AotReader.read(AotCompiler.compile(TinyModules.tableAndBulkHelpers(), "bulk.wasm", options),
                "bulk.aot");
        return image.relocations().groups().stream().flatMap(g -> g.relocations().stream())
                .filter(r -> r.symbol().text().startsWith("aot_")).map(r -> r.type())
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void sizeLevelPicksTheCodeModelAsWamrcDoes() throws Exception {
        // size level 3 (default, small code model): rel32 calls; 0 (large): 64-bit absolute addresses (R_X86_64_64)
        assertFalse(helperRelocationTypes(CompileOptions.of("current", "x86_64")).contains(1L));
        assertEquals(java.util.Set.of(1L), helperRelocationTypes(CompileOptions.of("current", "x86_64").withSizeLevel(0)));
        CompileException e = assertThrows(CompileException.class,
                () -> AotCompiler.compile(TinyModules.tableSize(), "size.wasm", CompileOptions.of("legacy", "x86_64")
                        .withSizeLevel(4)));
        assertEquals("size level must be 0-3, got 4", e.getMessage());
        CompileException medium = assertThrows(CompileException.class,
                () -> AotCompiler.compile(TinyModules.tableSize(), "size.wasm", CompileOptions.of("legacy", "aarch64")
                        .withSizeLevel(1)));
        assertTrue(medium.getMessage().startsWith("size level 1 (medium code model) is not available for aarch64"),
                medium.getMessage());
    }

    @Test
    void cpuFeaturesReachLlvmAndAreChecked() {
        byte[] plain = AotCompiler.compile(TinyModules.unary((byte) 0x7d, 0x8e), "ceil.wasm",
                CompileOptions.of("current", "x86_64"));
        byte[] sse41 = AotCompiler.compile(TinyModules.unary((byte) 0x7d, 0x8e), "ceil.wasm",
                CompileOptions.of("current", "x86_64").withCpuFeatures("+sse4.1"));
        assertFalse(Arrays.equals(plain, sse41), "f32.ceil with SSE4.1 is one roundss, without it a libm call");
        CompileException e = assertThrows(CompileException.class, () -> AotCompiler.compile(TinyModules.tableSize(),
                "size.wasm", CompileOptions.of("current", "x86_64").withCpuFeatures("sse4.1")));
        assertTrue(e.getMessage().contains("+feature / -feature"), e.getMessage());
    }

    @Test
    void moduleWithoutFunctionsHasAnEmptyText() throws Exception {
        byte[] empty = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
        for (String profile : List.of("legacy", "current")) {
            AotImage image = AotReader.read(AotCompiler.compile(empty, "empty.wasm", CompileOptions.of(profile,
                    "x86_64")), "empty.aot");
            assertTrue(image.placed(SectionKind.TEXT).isPresent(), profile);
        }
    }
}
