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
}
