package io.github.wasmaot.compiler;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs our images of the vectors' modules under the REAL iwasm of each pinned runtime and compares stdout and
 * exit code with what the same iwasm printed for wamrc's image (the manifest's recorded runs), with default
 * options and with software bounds checks (the vectors' {@code --bounds-checks=1} images).
 *
 * <p>Local only: set {@code WASM_AOT_IWASM_<PROFILE>_<ISA>} to the judge's iwasm, PROFILE being the profile
 * name in upper case with non-alphanumerics as {@code _}: {@code WASM_AOT_IWASM_WAMR_CBA4C782_X86_64},
 * {@code WASM_AOT_IWASM_WAMR_CBA4C782_AARCH64}, {@code WASM_AOT_IWASM_WAMR_2_4_X86_64},
 * {@code WASM_AOT_IWASM_WAMR_2_4_AARCH64}. aarch64 judges run under {@code WASM_AOT_QEMU_AARCH64} (default
 * {@code qemu-aarch64}) with {@code -L WASM_AOT_QEMU_LD_PREFIX} (default {@code /usr/aarch64-linux-gnu}).
 * Cells without a judge are skipped with the variable's name; modules the compiler does not support yet are
 * skipped with its message.
 */
class JudgeRunsTest {
    private static final Map<String, String> ENV = System.getenv();

    @TempDir
    Path tmp;

    static String variable(String profile, String isa) {
        return "WASM_AOT_IWASM_" + (profile + "_" + isa).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    @TestFactory
    Stream<DynamicTest> recordedRunsReproduce() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AotVectors.Entry e : AotVectors.all()) {
            for (int i = 0; i < e.runs().size(); i++) {
                AotVectors.Run run = e.runs().get(i);
                tests.add(DynamicTest.dynamicTest(e.file() + " run " + i + " " + run.iwasmArgs() + " "
                        + run.programArgs(), () -> check(e, run)));
            }
        }
        return tests.stream();
    }

    private void check(AotVectors.Entry e, AotVectors.Run run) throws Exception {
        String var = variable(e.profile(), e.isa());
        String iwasm = ENV.get(var);
        assumeTrue(iwasm != null && !iwasm.isBlank(), "no judge: set " + var);
        Path image = tmp.resolve(e.file());
        try {
            AotCompiler.compileFile(e.wasmPath(), image,
                    CompileOptions.of(e.profile(), e.isa()).withBoundsChecks(e.boundsChecks()));
        } catch (CompileException unsupported) {
            assumeTrue(false, unsupported.getMessage());
        }
        List<String> cmd = new ArrayList<>();
        if (e.isa().equals("aarch64")) {
            cmd.add(ENV.getOrDefault("WASM_AOT_QEMU_AARCH64", "qemu-aarch64"));
            cmd.add("-L");
            cmd.add(ENV.getOrDefault("WASM_AOT_QEMU_LD_PREFIX", "/usr/aarch64-linux-gnu"));
        }
        cmd.add(iwasm);
        cmd.addAll(run.iwasmArgs());
        cmd.add(image.toString());
        cmd.addAll(run.programArgs());
        Result r = exec(cmd);
        assertEquals(run.stdout(), r.stdout(), String.join(" ", cmd));
        assertEquals(run.exit(), r.exit(), String.join(" ", cmd));
    }

    private record Result(String stdout, int exit) {
    }

    private Result exec(List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "stdout", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        return new Result(Files.readString(out, StandardCharsets.UTF_8), p.exitValue());
    }
}
