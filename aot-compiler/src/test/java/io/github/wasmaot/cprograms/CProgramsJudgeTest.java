package io.github.wasmaot.cprograms;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.compiler.Judge;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.profile.runtime.IwasmBehaviour;
import io.github.wasmaot.format.profile.runtime.RuntimeData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * C programs (hello world, sorting, floating point, memory growth) built with {@code clang --target=wasm32-wasi},
 * compiled by our compiler for each runtime profile (every release family) and ISA, and run by that runtime's REAL iwasm: stdout and
 * stderr must be exactly what the same C compiled natively prints. The exit code too, as far as the runtime's
 * iwasm passes a WASI exit code on (the profile's {@code runtime.iwasm.exitCodeFromProcExit}: cba4c782's iwasm
 * exits 0 after {@code proc_exit}).
 *
 * <p>Local only: judges come from the environment ({@link Judge}); cells without one are skipped with the
 * variable's name, and the whole test is skipped when clang cannot build wasm32-wasi here.
 */
class CProgramsJudgeTest {
    /** Every built-in profile (profiles/index.json): each release family is judged by its own iwasm. */
    private static final List<String> PROFILES = ProfileCatalog.all().stream().map(RuntimeProfile::name).toList();
    private static final List<String> ISAS = List.of("x86_64", "aarch64");

    @TempDir
    static Path tmp;

    private static ProgramBuilds builds;

    @BeforeAll
    static void scratch() {
        builds = new ProgramBuilds(tmp);
    }

    @TestFactory
    Stream<DynamicTest> programsPrintWhatNativeBuildsPrint() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String profile : PROFILES) {
            for (String isa : ISAS) {
                for (CProgram program : CProgram.all()) {
                    tests.add(DynamicTest.dynamicTest(profile + " " + isa + " " + program,
                            () -> check(profile, isa, program)));
                }
            }
        }
        return tests.stream();
    }

    private void check(String profile, String isa, CProgram program) throws Exception {
        Optional<Judge> judge = Judge.fromEnvironment(profile, isa);
        assumeTrue(judge.isPresent(), "no judge: set " + Judge.variable(profile, isa));
        Optional<String> missing = builds.unavailableReason();
        assumeTrue(missing.isEmpty(), () -> missing.orElse(""));

        Path dir = builds.dir(program);
        ProgramOutput expected = builds.nativeOutput(program);
        Path image = dir.resolve(profile + "-" + isa + ".aot");
        AotCompiler.compileFile(builds.wasm(program), image, CompileOptions.of(profile, isa));

        List<String> cmd = judge.get().command(List.of(), image, program.args());
        ProgramOutput actual = CToolchain.exec(cmd, dir);
        String where = String.join(" ", cmd);
        assertEquals(expected.stdout(), actual.stdout(), "stdout of " + where);
        assertEquals(expected.stderr(), actual.stderr(), "stderr of " + where);
        IwasmBehaviour iwasm = ProfileCatalog.byNameOrAlias(profile).orElseThrow().runtime()
                .map(RuntimeData::iwasm).orElseThrow();
        int exit = iwasm.exitCode(false, expected.exit() == 0 ? null : expected.exit());
        assertEquals(exit, actual.exit(), "exit code of " + where + " (native exit " + expected.exit() + ")");
    }
}
