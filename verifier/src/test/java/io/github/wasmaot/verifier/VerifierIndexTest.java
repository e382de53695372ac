package io.github.wasmaot.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.section.AotString;
import io.github.wasmaot.format.section.Export;
import io.github.wasmaot.format.section.ExportSection;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.RelocationSection;
import io.github.wasmaot.format.section.init.AuxInfo;
import io.github.wasmaot.format.section.init.Global;
import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.format.section.init.Memory;
import io.github.wasmaot.format.section.init.Table;
import io.github.wasmaot.format.section.init.TableInitData;
import io.github.wasmaot.format.testing.AotVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Indices and relocation offsets an image holds, each corrupted the way a user or a fuzzer corrupted it: the
 * verifier must refuse with the runtime's text where the runtime checks, and with a description (no runtime
 * text) where the runtime would go on and crash.
 */
class VerifierIndexTest {
    static List<AotVectors.Entry> vectors() {
        return AotVectors.all();
    }

    static List<AotVectors.Entry> withTable() {
        return AotVectors.all().stream().filter(v -> !Mutations.read(v).initData().tableInitData().isEmpty())
                .collect(Collectors.toList());
    }

    private static VerificationResult verifyOwn(AotVectors.Entry v, byte[] image) {
        return Verifier.verify(image, v.file(), TestProfiles.withFacts(v.profile()), Target.of(v.isa()));
    }

    private static boolean checksExports(AotVectors.Entry v) {
        return v.profile().equals("wamr-2.4");
    }

    /** The reported corruption: byte 0x1f4 (export _start's function index) 0x01 -> 0xd7. */
    @Test
    void exportOfFunction215Of1IsAnUnknownFunction() {
        AotVectors.Entry v = AotVectors.byFile("hello_wat.wamr-2.4.x86_64.aot");
        byte[] image = v.bytes();
        assertEquals(0x01, image[0x1f4], "the byte the user changed");
        image[0x1f4] = (byte) 0xd7;
        VerificationResult r = verifyOwn(v, image);
        assertFalse(r.accepted());
        Finding f = r.errors().get(0);
        assertEquals(FindingCode.EXPORT_INDEX, f.code());
        assertEquals("unknown function", f.runtimeText());
        assertTrue(f.message().contains("\"_start\" names function 215 of "), f.message());
        assertEquals("unknown function", r.runtimeText().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void anExportPastItsIndexSpaceIsRefused(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        InitDataSection init = image.initData();
        long funcs = init.importFuncs().size() + init.funcCount();
        Export first = image.exports().exports().stream().filter(e -> e.kind() == 0).findFirst().orElseThrow();
        byte[] mutant = editExports(image, e -> e == first ? new Export(funcs, 0, e.name()) : e);
        VerificationResult r = verifyOwn(v, mutant);
        Finding f = r.first(FindingCode.EXPORT_INDEX).orElseThrow(() -> new AssertionError(r.findings()));
        assertTrue(f.isError());
        assertTrue(f.message().contains("names function " + funcs + " of " + funcs), f.message());
        if (checksExports(v)) {
            assertEquals("unknown function", f.runtimeText());
        } else {
            // wamr-cba4c782's load_exports has the check under #if 0: no runtime text, a description instead
            assertNull(f.runtimeText());
            assertTrue(f.message().contains("does not check"), f.message());
        }
        long globals = init.importGlobals().size() + init.globals().size();
        byte[] global = editExports(image, e -> e == first ? new Export(globals + 3, 3, e.name()) : e);
        assertEquals(checksExports(v) ? "unknown global" : null,
                verifyOwn(v, global).first(FindingCode.EXPORT_INDEX).orElseThrow().runtimeText());
        byte[] memory = editExports(image, e -> e == first ? new Export(1, 2, e.name()) : e);
        assertEquals(checksExports(v) ? "unknown memory" : null,
                verifyOwn(v, memory).first(FindingCode.EXPORT_INDEX).orElseThrow().runtimeText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void anExportOfAnUnknownKindIsRefused(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        Export first = image.exports().exports().get(0);
        VerificationResult r = verifyOwn(v, editExports(image, e -> e == first ? new Export(0, 9, e.name()) : e));
        Finding f = r.first(FindingCode.EXPORT_KIND).orElseThrow(() -> new AssertionError(r.findings()));
        assertTrue(f.isError());
        assertEquals(checksExports(v) ? "invalid export kind" : null, f.runtimeText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theUnmutatedVectorsHaveNoIndexFindings(AotVectors.Entry v) {
        VerificationResult r = verifyOwn(v, v.bytes());
        assertTrue(r.accepted(), () -> r.errors().toString());
        for (FindingCode c : List.of(FindingCode.EXPORT_INDEX, FindingCode.EXPORT_KIND,
                FindingCode.ELEM_SEGMENT_INDEX, FindingCode.GLOBAL_INDEX, FindingCode.RELOCATION_OFFSET)) {
            assertFalse(r.has(c), c + " in " + r.findings());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTable")
    void elementSegmentsNamingUnknownTablesOrFunctionsAreRefused(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        InitDataSection init = image.initData();
        long funcs = init.importFuncs().size() + init.funcCount();
        TableInitData seg = init.tableInitData().get(0);
        List<InitExpr> values = new ArrayList<>(seg.values());
        values.set(0, new InitExpr.Value32(InitExpr.FUNCREF_CONST, funcs));
        TableInitData badFunction = new TableInitData(seg.mode(), seg.elemType(), seg.tableIndex(), seg.offset(),
                seg.elemRefType(), values);
        VerificationResult r = verifyOwn(v, editInit(image, i -> withSegments(i, List.of(badFunction))));
        Finding f = r.first(FindingCode.ELEM_SEGMENT_INDEX).orElseThrow(() -> new AssertionError(r.findings()));
        assertTrue(f.message().contains("names function " + funcs), f.message());
        assertNull(f.runtimeText(), "the runtime stores it unchecked");

        TableInitData badTable = new TableInitData(seg.mode(), seg.elemType(), 5, seg.offset(), seg.elemRefType(),
                seg.values());
        VerificationResult t = verifyOwn(v, editInit(image, i -> withSegments(i, List.of(badTable))));
        assertTrue(t.first(FindingCode.ELEM_SEGMENT_INDEX).orElseThrow().message().contains("table 5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTable")
    void aGlobalInitializerReadingANonImportedGlobalIsRefused(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        InitDataSection init = image.initData();
        Global g = init.globals().get(0);
        long own = init.importGlobals().size();
        InitExpr get = v.aotVersion() == 5 ? new InitExpr.Value32(InitExpr.GET_GLOBAL, own)
                : new InitExpr.Slot64(InitExpr.GET_GLOBAL, own);
        List<Global> globals = new ArrayList<>(init.globals());
        globals.set(0, new Global(g.valueType(), g.mutable(), get));
        VerificationResult r = verifyOwn(v, editInit(image, i -> new InitDataSection(i.importMemoryCount(),
                i.memories(), i.memInitData(), i.importTables(), i.tables(), i.tableInitData(), i.funcTypes(),
                i.importGlobals(), globals, i.importFuncs(), i.funcCount(), i.startFuncIndex(), i.aux(),
                i.objectDataSections())));
        Finding f = r.first(FindingCode.GLOBAL_INDEX).orElseThrow(() -> new AssertionError(r.findings()));
        assertEquals("unknown global " + own, f.runtimeText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.wasmaot.verifier.VerifierMutationTest#withTextRelocations")
    void aRelocationMovedPastTheEndOfItsSectionIsAnInvalidRelocationOffset(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        long code = image.text().codeSize();
        // two of its four bytes inside the code, two outside
        byte[] mutant = Mutations.editTextRelocation(image, 0, r -> new Relocation(code - 2, r.addend(), r.type(),
                r.symbolIndex(), r.symbol()));
        VerificationResult r = verifyOwn(v, mutant);
        assertFalse(r.accepted());
        Finding f = r.first(FindingCode.RELOCATION_OFFSET).orElseThrow(() -> new AssertionError(r.findings()));
        assertEquals("invalid relocation offset.", f.runtimeText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.wasmaot.verifier.VerifierMutationTest#withTextRelocations")
    void aRelocationMovedInsideItsSectionIsLoadedAsTheRuntimeLoadsIt(AotVectors.Entry v) {
        // the runtime cannot tell a moved relocation from a real one: it patches the bytes there and loads
        AotImage image = Mutations.read(v);
        List<Relocation> text = image.relocations().groups().stream().filter(RelocationGroup::targetsText)
                .filter(g -> !g.targetsLiteral()).findFirst().orElseThrow().relocations();
        long other = text.get(text.size() - 1).offset();
        byte[] mutant = Mutations.editTextRelocation(image, 0, r -> new Relocation(other, r.addend(), r.type(),
                r.symbolIndex(), r.symbol()));
        VerificationResult r = verifyOwn(v, mutant);
        assertFalse(r.has(FindingCode.RELOCATION_OFFSET), () -> r.findings().toString());
    }

    @Test
    void an8ByteRelocationNeedsAll8BytesInsideItsTarget() {
        AotVectors.Entry v = AotVectors.all().stream().filter(e -> e.isa().equals("x86_64"))
                .filter(e -> relocationOfType(Mutations.read(e), 1) != null).findFirst().orElseThrow(
                        () -> new AssertionError("no x86_64 vector with an R_X86_64_64 relocation"));
        AotImage image = Mutations.read(v);
        RelocationGroup group = relocationOfType(image, 1);
        long size = group.targetsText() ? image.text().codeSize() : image.initData().objectDataSections().stream()
                .filter(d -> (".rela" + d.name().text()).equals(group.name().text())).findFirst().orElseThrow()
                .data().length;
        byte[] mutant = Mutations.replaceSection(image, s -> {
            if (!(s instanceof RelocationSection rs)) {
                return s;
            }
            List<RelocationGroup> groups = new ArrayList<>();
            for (RelocationGroup g : rs.groups()) {
                if (g != group) {
                    groups.add(g);
                    continue;
                }
                List<Relocation> list = new ArrayList<>(g.relocations());
                int at = list.indexOf(list.stream().filter(r -> r.type() == 1).findFirst().orElseThrow());
                Relocation r = list.get(at);
                // 4 bytes left: enough for a 32-bit relocation, not for R_X86_64_64
                list.set(at, new Relocation(size - 4, r.addend(), r.type(), r.symbolIndex(), r.symbol()));
                groups.add(new RelocationGroup(g.nameIndex(), g.name(), list));
            }
            return new RelocationSection(rs.symbols(), groups);
        });
        VerificationResult r = verifyOwn(v, mutant);
        Finding f = r.first(FindingCode.RELOCATION_OFFSET).orElseThrow(() -> new AssertionError(r.findings()));
        assertEquals("invalid relocation offset.", f.runtimeText());
        assertTrue(f.message().contains("8 bytes R_X86_64_64"), f.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.wasmaot.verifier.VerifierMutationTest#withTextRelocations")
    void aFunctionSymbolOneAfterTheLastFunctionIsRefusedThoughTheRuntimeLetsItThrough(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        long count = image.initData().funcCount();
        Relocation call = image.relocations().groups().stream().filter(RelocationGroup::targetsText)
                .flatMap(g -> g.relocations().stream())
                .filter(r -> r.symbol().text().startsWith(RelocationCheck.FUNC_PREFIX)).findFirst().orElse(null);
        if (call == null) {
            return; // no call between AOT functions in this image
        }
        List<AotString> symbols = new ArrayList<>(image.relocations().symbols());
        int index = (int) call.symbolIndex();
        symbols.set(index, AotString.of(RelocationCheck.FUNC_PREFIX + count));
        byte[] mutant = Mutations.replaceSection(image, s -> {
            if (!(s instanceof RelocationSection rs)) {
                return s;
            }
            List<RelocationGroup> groups = new ArrayList<>();
            for (RelocationGroup g : rs.groups()) {
                groups.add(new RelocationGroup(g.nameIndex(), g.name(), g.relocations().stream()
                        .map(r -> r.symbolIndex() == index ? new Relocation(r.offset(), r.addend(), r.type(),
                                index, symbols.get(index)) : r).toList()));
            }
            return new RelocationSection(symbols, groups);
        });
        VerificationResult r = verifyOwn(v, mutant);
        Finding f = r.first(FindingCode.RELOCATION_SYMBOL).orElseThrow(() -> new AssertionError(r.findings()));
        assertTrue(f.message().contains("names function " + count + " of " + count), f.message());
        assertNull(f.runtimeText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void memoryLimitsFlagsAndAuxRangeFollowTheLoaderFacts(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        InitDataSection init = image.initData();
        if (init.memories().isEmpty()) {
            return;
        }
        Memory m = init.memories().get(0);
        boolean checks = checksExports(v);
        for (long flags : new long[] {0x4, 0x9, 0x2}) {
            Memory bad = new Memory(flags, m.bytesPerPage(), m.initPageCount(), m.maxPageCount());
            VerificationResult r = verifyOwn(v, editInit(image, i -> new InitDataSection(i.importMemoryCount(),
                    List.of(bad), i.memInitData(), i.importTables(), i.tables(), i.tableInitData(), i.funcTypes(),
                    i.importGlobals(), i.globals(), i.importFuncs(), i.funcCount(), i.startFuncIndex(), i.aux(),
                    i.objectDataSections())));
            if (!checks) {
                assertFalse(r.has(FindingCode.MEMORY_FLAGS), "wamr-cba4c782 does not check memory flags");
                continue;
            }
            Finding f = r.first(FindingCode.MEMORY_FLAGS).orElseThrow(() -> new AssertionError(r.findings()));
            assertEquals(flags == 0x2 ? "shared memory must have maximum" : "invalid limits flags", f.runtimeText());
        }
        if (checks) {
            AuxInfo a = init.aux();
            AuxInfo far = new AuxInfo(a.dataEndGlobalIndex(), a.dataEnd(), a.heapBaseGlobalIndex(), 1L << 32,
                    a.stackTopGlobalIndex(), a.stackBottom(), a.stackSize());
            VerificationResult r = verifyOwn(v, editInit(image, i -> new InitDataSection(i.importMemoryCount(),
                    i.memories(), i.memInitData(), i.importTables(), i.tables(), i.tableInitData(), i.funcTypes(),
                    i.importGlobals(), i.globals(), i.importFuncs(), i.funcCount(), i.startFuncIndex(), far,
                    i.objectDataSections())));
            assertEquals("invalid range of aux_date_end/aux_heap_base/aux_stack_bottom",
                    r.first(FindingCode.AUX_RANGE).orElseThrow(() -> new AssertionError(r.findings())).runtimeText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTable")
    void tableLimitsFlagsFollowTheLoaderFacts(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        InitDataSection init = image.initData();
        Table t = init.tables().get(0);
        for (long flags : new long[] {0x4, 0x8, 0x2}) {
            Table bad = new Table(t.elemType(), flags, t.possibleGrow(), t.nullable(), t.initSize(), t.maxSize());
            VerificationResult r = verifyOwn(v, editInit(image, i -> new InitDataSection(i.importMemoryCount(),
                    i.memories(), i.memInitData(), i.importTables(), List.of(bad), i.tableInitData(), i.funcTypes(),
                    i.importGlobals(), i.globals(), i.importFuncs(), i.funcCount(), i.startFuncIndex(), i.aux(),
                    i.objectDataSections())));
            if (!checksExports(v) || flags == 0x2) {
                // cba4c782 does not check; 2.4 only records "tables cannot be shared" and loads on
                assertFalse(r.has(FindingCode.TABLE_FLAGS), () -> r.findings().toString());
                continue;
            }
            Finding f = r.first(FindingCode.TABLE_FLAGS).orElseThrow(() -> new AssertionError(r.findings()));
            assertEquals(flags == 0x4 ? "invalid limits flags(table64 flag was found, please enable memory64)"
                    : "invalid limits flags", f.runtimeText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withTable")
    void aGrowableTableStartingAboveItsMaximumIsRefused(AotVectors.Entry v) {
        AotImage image = Mutations.read(v);
        Table t = image.initData().tables().get(0);
        Table bad = new Table(t.elemType(), t.flags(), 1, t.nullable(), 9, 8);
        VerificationResult r = verifyOwn(v, editInit(image, i -> new InitDataSection(i.importMemoryCount(),
                i.memories(), i.memInitData(), i.importTables(), List.of(bad), i.tableInitData(), i.funcTypes(),
                i.importGlobals(), i.globals(), i.importFuncs(), i.funcCount(), i.startFuncIndex(), i.aux(),
                i.objectDataSections())));
        Finding f = r.first(FindingCode.TABLE_LIMITS).orElseThrow(() -> new AssertionError(r.findings()));
        assertTrue(f.message().contains("starts with 9 elements but may grow to only 8"), f.message());
        Table fixed = new Table(t.elemType(), t.flags(), 1, t.nullable(), 8, 9);
        VerificationResult ok = verifyOwn(v, editInit(image, i -> new InitDataSection(i.importMemoryCount(),
                i.memories(), i.memInitData(), i.importTables(), List.of(fixed), i.tableInitData(), i.funcTypes(),
                i.importGlobals(), i.globals(), i.importFuncs(), i.funcCount(), i.startFuncIndex(), i.aux(),
                i.objectDataSections())));
        assertFalse(ok.has(FindingCode.TABLE_LIMITS), () -> ok.findings().toString());
    }

    private static RelocationGroup relocationOfType(AotImage image, long type) {
        return image.relocations().groups().stream().filter(g -> !g.targetsLiteral())
                .filter(g -> g.relocations().stream().anyMatch(r -> r.type() == type)).findFirst().orElse(null);
    }

    private static byte[] editExports(AotImage image, UnaryOperator<Export> edit) {
        return Mutations.replaceSection(image, s -> s instanceof ExportSection es
                ? new ExportSection(es.exports().stream().map(edit).toList()) : s);
    }

    private static byte[] editInit(AotImage image, UnaryOperator<InitDataSection> edit) {
        return Mutations.replaceSection(image, s -> s instanceof InitDataSection i ? edit.apply(i) : s);
    }

    private static InitDataSection withSegments(InitDataSection i, List<TableInitData> segments) {
        return new InitDataSection(i.importMemoryCount(), i.memories(), i.memInitData(), i.importTables(),
                i.tables(), segments, i.funcTypes(), i.importGlobals(), i.globals(), i.importFuncs(), i.funcCount(),
                i.startFuncIndex(), i.aux(), i.objectDataSections());
    }
}
