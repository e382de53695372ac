package io.github.wasmaot.cprograms;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.compiler.Judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WASI C programs ({@link WasiProgram}: file copy, directory listing, append, seek, rename, environment, stdin
 * filter, sleeping through poll_oneoff, escape attempts) compiled by our compiler and run by each runtime's REAL
 * iwasm in a fresh {@link WasiFixture}: {@code cd sandbox && iwasm --dir=. [--env=...] IMAGE ARGS < stdin}.
 * stdout, stderr, iwasm's exit code and the directories afterwards must be what that iwasm did when the
 * expectations were recorded ({@code wasi-programs/expected/<version>/}); the loader's tests hold the loader to
 * the same recordings ({@code 2.4.4}'s).
 *
 * <p>Recording (only from real iwasm, never from the loader): with judges built from WAMR-2.4.4 and cba4c782
 * ({@code product-mini/platforms/linux}, cmake defaults) run
 * <pre>
 * WASM_AOT_IWASM_WAMR_2_4_X86_64=/opt/wamr-judges/iwasm-2.4.4 \
 * WASM_AOT_IWASM_WAMR_CBA4C782_X86_64=/opt/wamr-judges/iwasm-cba4c782 \
 * WASM_AOT_WASI_RECORD=$PWD/aot-compiler/src/test/resources \
 * ./mvnw -o -q -B -pl aot-compiler -am test -Dtest='WasiProgramsJudgeTest*' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * cba4c782's iwasm still lays out filestat and poll_oneoff subscriptions as wasi_unstable did (nlink u32; a
 * clock identifier before the clock id), so preview1 programs that stat files or sleep read garbage there, and it
 * exits 0 after proc_exit; its recordings show that as it is.
 *
 * <p>Local only: cells without a judge ({@link Judge}) are skipped with the variable's name; the whole test is
 * skipped when clang cannot build wasm32-wasi here.
 */
class WasiProgramsJudgeTest {
    static final Map<String, String> VERSIONS = Map.of("wamr-cba4c782", "cba4c782", "wamr-2.4", "2.4.4");
    private static final List<String> PROFILES = List.of("wamr-cba4c782", "wamr-2.4");
    private static final List<String> ISAS = List.of("x86_64", "aarch64");
    static final String RECORD_VARIABLE = "WASM_AOT_WASI_RECORD";
    /** The time and thread id WAMR's log puts before a warning ("[00:48:00:854 - 17ED2740]: warning: …"). */
    private static final java.util.regex.Pattern LOG_PREFIX =
            java.util.regex.Pattern.compile("(?m)^\\[\\d\\d:\\d\\d:\\d\\d:\\d{3} - [0-9A-Fa-f]+\\]: ");

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> iwasmDoesWhatItDidWhenRecorded() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String profile : PROFILES) {
            for (String isa : ISAS) {
                for (WasiProgram program : WasiProgram.all()) {
                    tests.add(DynamicTest.dynamicTest(profile + " " + isa + " " + program,
                            () -> check(profile, isa, program)));
                }
            }
        }
        return tests.stream();
    }

    private void check(String profile, String isa, WasiProgram program) throws Exception {
        Optional<Judge> judge = Judge.fromEnvironment(profile, isa);
        assumeTrue(judge.isPresent(), "no judge: set " + Judge.variable(profile, isa));
        Optional<String> missing = program.unavailableReason(Files.createDirectories(tmp.resolve("probe")));
        assumeTrue(missing.isEmpty(), () -> missing.orElse(""));

        Path dir = Files.createDirectories(tmp.resolve(profile + "-" + isa + "-" + program.name()));
        Path image = dir.resolve(program.name() + ".aot");
        AotCompiler.compileFile(program.buildWasm(dir), image, CompileOptions.of(profile, isa));
        Path root = dir.resolve("run");
        Path sandbox = WasiFixture.create(root);
        program.addFiles(sandbox);
        List<String> options = new ArrayList<>();
        options.add("--dir=.");
        program.env().forEach(e -> options.add("--env=" + e));
        List<String> cmd = judge.get().command(options, image, program.args());
        WasiProgram.Outcome actual = run(cmd, sandbox, dir, program.stdin(), root);

        String version = VERSIONS.get(profile);
        String recordTo = System.getenv(RECORD_VARIABLE);
        if (recordTo != null && !recordTo.isBlank() && isa.equals("x86_64")) {
            program.record(Path.of(recordTo), version, actual);
            return;
        }
        Optional<WasiProgram.Outcome> expected = program.expected(version);
        assumeTrue(expected.isPresent(), "nothing recorded for iwasm " + version + " (set " + RECORD_VARIABLE + ")");
        String where = "cd " + sandbox + " && " + String.join(" ", cmd);
        assertEquals(expected.get().stdout(), actual.stdout(), "stdout of " + where);
        assertEquals(expected.get().stderr(), actual.stderr(), "stderr of " + where);
        assertEquals(expected.get().exit(), actual.exit(), "exit code of " + where);
        assertEquals(expected.get().tree(), actual.tree(), "directories after " + where);
    }

    /** Runs {@code cmd} in {@code cwd} with {@code stdin}; output files go to {@code scratch}. */
    static WasiProgram.Outcome run(List<String> cmd, Path cwd, Path scratch, byte[] stdin, Path root)
            throws IOException, InterruptedException {
        Path in = scratch.resolve("stdin.bin");
        Path out = scratch.resolve("stdout.txt");
        Path err = scratch.resolve("stderr.txt");
        Files.write(in, stdin);
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        return new WasiProgram.Outcome(withoutLogTimes(Files.readString(out, StandardCharsets.UTF_8)),
                withoutLogTimes(Files.readString(err, StandardCharsets.UTF_8)), p.exitValue(), WasiFixture.tree(root));
    }

    /** WAMR's log lines (on stdout in cba4c782) with their time and thread id replaced, so recordings repeat. */
    static String withoutLogTimes(String output) {
        return LOG_PREFIX.matcher(output).replaceAll("[TIME - THREAD]: ");
    }
}
