package io.github.wasmaot.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.section.AotString;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.format.section.init.Table;
import io.github.wasmaot.format.section.init.TableInitData;
import io.github.wasmaot.verifier.Target;
import io.github.wasmaot.verifier.VerificationResult;
import io.github.wasmaot.verifier.Verifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images of modules with tables, references and bulk memory, read back through the format reader: the helpers
 * the code calls, and the tables, segments and globals of the init data as the pinned runtimes expect them
 * (values from the WAMR source: NULL_REF 0xFFFFFFFF, a growable table's default maximum
 * max(2 x initial, 1024), passive segments marked as such).
 */
class TableAndBulkImagesTest {
    private static final long NULL_REF = 0xFFFFFFFFL;
    private static final List<String> HELPERS = List.of("aot_table_grow", "aot_memory_init", "aot_table_init",
            "aot_drop_table_seg", "aot_data_drop", "aot_table_fill", "aot_table_copy");

    static Stream<Arguments> cells() {
        return Stream.of(Arguments.of("wamr-cba4c782", "x86_64"), Arguments.of("wamr-cba4c782", "aarch64"),
                Arguments.of("wamr-2.4", "x86_64"), Arguments.of("wamr-2.4", "aarch64"));
    }

    private static AotImage compile(byte[] wasm, String name, String profile, String isa)
            throws AotFormatException {
        byte[] image = AotCompiler.compile(wasm, name, CompileOptions.of(profile, isa));
        VerificationResult result = Verifier.verify(image, name, ProfileCatalog.byNameOrAlias(profile).orElseThrow(),
                Target.of(isa));
        assertTrue(result.accepted(), () -> profile + "/" + isa + ": " + result);
        return AotReader.read(image, name);
    }

    @ParameterizedTest
    @MethodSource("cells")
    void tableAndBulkInstructionsCallTheRuntimeHelpers(String profile, String isa) throws AotFormatException {
        AotImage image = compile(TinyModules.tableAndBulkHelpers(), "bulk.wasm", profile, isa);
        Set<String> symbols = image.relocations().symbols().stream()
                .map(AotString::text).collect(Collectors.toSet());
        for (String helper : HELPERS) {
            assertTrue(symbols.contains(helper), helper + " missing from " + symbols);
        }
    }

    @ParameterizedTest
    @MethodSource("cells")
    void initDataHasTheGrowableTablePassiveSegmentsAndNullGlobal(String profile, String isa)
            throws AotFormatException {
        InitDataSection init = compile(TinyModules.tableAndBulkHelpers(), "bulk.wasm", profile, isa)
                .initData();
        assertEquals(0, init.importTables().size());
        Table table = init.tables().get(0);
        assertEquals(1, table.possibleGrow(), "table.grow names table 0");
        assertEquals(2, table.initSize());
        assertEquals(1024, table.maxSize());

        assertEquals(1, init.memInitData().size());
        assertEquals(1, init.memInitData().get(0).isPassive());

        TableInitData seg = init.tableInitData().get(0);
        assertEquals(1, seg.mode(), "flags byte of a passive segment of function indexes");
        assertEquals(List.of(new InitExpr.Value32(InitExpr.FUNCREF_CONST, 0)), seg.values());

        InitExpr global = init.globals().get(0).init();
        assertEquals(InitExpr.REFNULL_CONST, global.type());
        long value = global instanceof InitExpr.Slot64 s ? s.value() : ((InitExpr.Value32) global).value();
        assertEquals(NULL_REF, value);
    }

    @ParameterizedTest
    @MethodSource("cells")
    void secondTableIsLaidOutWithItsElementType(String profile, String isa) throws AotFormatException {
        InitDataSection init = compile(TinyModules.secondTableGet(), "two.wasm", profile, isa)
                .initData();
        assertEquals(2, init.tables().size());
        assertEquals(0x70, init.tables().get(0).elemType());
        assertEquals(0x6f, init.tables().get(1).elemType());
        assertEquals(0, init.tables().get(1).possibleGrow());
        assertEquals(5, init.tables().get(1).initSize());
    }

    @Test
    void elementReadingAGlobalIsRefusedWithModuleAndOffset() {
        byte[] wasm = TinyModules.elementReadingAGlobal();
        CompileException e = assertThrows(CompileException.class,
                () -> AotCompiler.compile(wasm, "elem.wasm", CompileOptions.of("current", "x86_64")));
        assertEquals("elem.wasm: element expression global.get at offset 0x20 is not supported by this compiler yet",
                e.getMessage());
        assertTrue(e.notYetTranslated(), "a refusal of valid wasm, not an error in the input");
    }

    @ParameterizedTest
    @MethodSource("cells")
    void indirectCallsToImportsGoThroughTheRuntimeAsWamrcDoes(String profile, String isa) throws AotFormatException {
        AotImage image = compile(TinyModules.callIndirectReachingAnImport(), "ci.wasm", profile, isa);
        Set<String> symbols = image.relocations().symbols().stream()
                .map(AotString::text).collect(Collectors.toSet());
        assertTrue(symbols.contains("aot_call_indirect"), "aot_call_indirect missing from " + symbols);
        AotImage noImports = compile(TinyModules.secondTableGet(), "get.wasm", profile, isa);
        assertTrue(noImports.relocations().symbols().stream().noneMatch(t -> t.text().equals("aot_call_indirect")));
    }
}
