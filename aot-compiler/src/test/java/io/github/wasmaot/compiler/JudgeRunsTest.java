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
import java.util.Optional;
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
 * <p>Local only: the judges come from the environment ({@link Judge}). Cells without a judge are skipped with the variable's name; modules the compiler does not support yet are
 * skipped with its message.
 */
class JudgeRunsTest {
    @TempDir
    Path tmp;

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
        Optional<Judge> judge = Judge.fromEnvironment(e.profile(), e.isa());
        assumeTrue(judge.isPresent(), "no judge: set " + Judge.variable(e.profile(), e.isa()));
        Path image = tmp.resolve(e.file());
        try {
            AotCompiler.compileFile(e.wasmPath(), image,
                    CompileOptions.of(e.profile(), e.isa()).withBoundsChecks(e.boundsChecks()));
        } catch (CompileException unsupported) {
            assumeTrue(false, unsupported.getMessage());
        }
        List<String> cmd = judge.get().command(run.iwasmArgs(), image, run.programArgs());
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
