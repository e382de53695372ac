package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final Path SPEC = Paths.get(System.getProperty("wasmaot.shared.dir", "../../shared"))
            .resolve("spec-tests");

    @TempDir
    Path tmp;

    @Test
    void validSpecModulesAreOk() {
        Path i32 = SPEC.resolve("i32/i32.0.wasm");
        Path f64 = SPEC.resolve("f64/f64.0.wasm");
        CliRun r = CliRun.of("validate", i32.toString(), f64.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(i32 + ": ok" + System.lineSeparator() + f64 + ": ok" + System.lineSeparator(), r.out());
    }

    @Test
    void malformedModuleIsReportedWithOffset() throws Exception {
        Path bad = tmp.resolve("bad.wasm");
        Files.write(bad, new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0});
        Path ok = SPEC.resolve("i32/i32.0.wasm");
        CliRun r = CliRun.of("validate", bad.toString(), ok.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains(bad + ": malformed: unknown binary version (offset 4)"), r.out());
        assertTrue(r.out().contains(ok + ": ok"), r.out());
    }

    @Test
    void invalidSpecModuleNamesFunctionAndOffset() {
        // i32.json:444, assert_invalid "type mismatch"
        Path invalid = SPEC.resolve("i32/i32.1.wasm");
        CliRun r = CliRun.of("validate", invalid.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().matches("(?s).*i32\\.1\\.wasm: invalid: type mismatch.*\\(function 0, offset \\d+\\)\\R"),
                r.out());
    }

    @Test
    void missingFileIsAnIoErrorNamingIt() {
        Path missing = tmp.resolve("missing.wasm");
        CliRun r = CliRun.of("validate", missing.toString());
        assertEquals(2, r.exitCode());
        assertEquals(missing + ": cannot read: no such file" + System.lineSeparator(), r.err());
    }

    @Test
    void noOperandsIsAUsageError() {
        assertEquals(2, CliRun.of("validate").exitCode());
    }
    @Test
    void unsupportedProposalsAreNamed() throws Exception {
        // a type section (func) then a tag section (id 13) with one tag of type 0
        Path tag = Files.write(tmp.resolve("tag.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0,
            1, 4, 1, 0x60, 0, 0, 13, 3, 1, 0, 0});
        // (memory i64 1): limits flags 0x04
        Path mem64 = Files.write(tmp.resolve("mem64.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0,
            5, 3, 1, 4, 1});
        CliRun r = CliRun.of("validate", tag.toString(), mem64.toString());
        assertEquals(1, r.exitCode());
        assertEquals(tag + ": malformed: malformed section id: tag section (id 13) is not supported (exception "
                + "handling proposal) (offset 14)" + System.lineSeparator()
                + mem64 + ": malformed: integer too large: 64-bit memory (limits flags 0x04) is not supported "
                + "(memory64 proposal) (offset 11)" + System.lineSeparator(), r.out());
        CliRun compile = CliRun.of("compile", "--runtime", "current", "--target", "x86_64", "-o",
                tmp.resolve("tag.aot").toString(), tag.toString());
        assertEquals(1, compile.exitCode());
        assertTrue(compile.err().contains("(exception handling proposal)"), compile.err());
    }

    @Test
    void proposalsTheCoreSpecCallsInvalidAreNamedToo() throws Exception {
        // (memory 1) (memory 1)
        Path twoMemories = Files.write(tmp.resolve("two-memories.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0,
            5, 5, 2, 0, 1, 0, 1});
        // (global i32 (i32.add (i32.const 1) (i32.const 2)))
        Path extendedConst = Files.write(tmp.resolve("extended-const.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0,
            0, 6, 9, 1, 0x7f, 0, 0x41, 1, 0x41, 2, 0x6a, 0x0b});
        CliRun r = CliRun.of("validate", twoMemories.toString(), extendedConst.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals(twoMemories + ": invalid: multiple memories: a second memory (2 memories, imported and defined)"
                + " is not supported (multi-memory proposal) (offset 13)" + System.lineSeparator()
                + extendedConst + ": invalid: constant expression required: i32.add in a constant expression is not"
                + " supported (extended-const proposal) (offset 17)" + System.lineSeparator(), r.out());
        assertEquals("", r.err());
        CliRun compile = CliRun.of("compile", "--runtime", "current", "--target", "x86_64", "-o",
                tmp.resolve("two.aot").toString(), twoMemories.toString());
        assertEquals(1, compile.exitCode());
        assertEquals(1, compile.err().lines().count(), compile.err());
        assertTrue(compile.err().contains("(multi-memory proposal)"), compile.err());
    }
}
