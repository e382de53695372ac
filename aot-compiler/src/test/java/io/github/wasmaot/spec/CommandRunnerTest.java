package io.github.wasmaot.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wasmaot.wasm.TestModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How commands map to front-end checks and {@link Executor} calls, with a scripted executor. */
class CommandRunnerTest {

    @TempDir
    Path dir;

    private final List<String> calls = new ArrayList<>();
    private ActionResult nextResult = new ActionResult.Returned(List.of());

    private final Executor scripted = new Executor() {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public ExecutorSession openSession(String specFile) {
            calls.add("open " + specFile);
            return new ExecutorSession() {
                @Override
                public InstantiationResult instantiate(ModuleBinary module, Optional<String> name) {
                    calls.add("instantiate " + module.file().getFileName() + " " + name.orElse("-"));
                    return new InstantiationResult.Instantiated();
                }

                @Override
                public void register(String as, Optional<String> name) {
                    calls.add("register " + as);
                }

                @Override
                public ActionResult perform(Action action) {
                    calls.add("perform " + action.field());
                    if (nextResult == null) {
                        throw new UnsupportedOperationException("no such thing");
                    }
                    return nextResult;
                }

                @Override
                public void close() {
                    calls.add("close");
                }
            };
        }
    };

    @BeforeEach
    void writeModules() throws Exception {
        Files.write(dir.resolve("ok.wasm"), TestModules.function(new int[] {0x7f}, 0x41, 0x01, 0x0b));
        Files.write(dir.resolve("invalid.wasm"), TestModules.function(new int[] {0x7f}, 0x0b));
        Files.write(dir.resolve("malformed.wasm"), TestModules.bytes(0, 'a', 's', 'm', 9, 0, 0, 0));
    }

    private SpecFile file(SpecCommand... commands) {
        return new SpecFile("t", dir, List.of(commands));
    }

    private static Outcome.Status run(CommandRunner runner, SpecCommand c) {
        return runner.run(c).status();
    }

    @Test
    void frontEndCommandsRunWithoutExecutorAndExecutionIsSkipped() {
        var invoke = new Action.Invoke(Optional.empty(), "f", List.of());
        try (CommandRunner r = new CommandRunner(file(), Optional.empty())) {
            assertEquals(Outcome.Status.PASSED, run(r, new SpecCommand.Module(1, "ok.wasm", Optional.empty())));
            assertEquals(Outcome.Status.FAILED, run(r, new SpecCommand.Module(2, "invalid.wasm", Optional.empty())));
            assertEquals(Outcome.Status.PASSED, run(r, new SpecCommand.AssertInvalid(3, "invalid.wasm", "type mismatch", true)));
            assertEquals(Outcome.Status.FAILED, run(r, new SpecCommand.AssertInvalid(4, "ok.wasm", "type mismatch", true)));
            assertEquals(Outcome.Status.FAILED, run(r, new SpecCommand.AssertInvalid(5, "malformed.wasm", "x", true)));
            assertEquals(Outcome.Status.PASSED, run(r, new SpecCommand.AssertMalformed(6, "malformed.wasm", "unknown binary version", true)));
            assertEquals(Outcome.Status.FAILED, run(r, new SpecCommand.AssertMalformed(7, "invalid.wasm", "x", true)));
            assertEquals(Outcome.Status.SKIPPED, run(r, new SpecCommand.AssertMalformed(8, "m.wat", "x", false)));
            assertEquals(Outcome.Status.SKIPPED, run(r, new SpecCommand.AssertReturn(9, invoke, List.of())));
            assertEquals(Outcome.Status.SKIPPED, run(r, new SpecCommand.AssertUnlinkable(10, "ok.wasm", "x")));
            assertEquals(Outcome.Status.FAILED, run(r, new SpecCommand.AssertUnlinkable(11, "invalid.wasm", "x")));
        }
    }

    @Test
    void executionGoesThroughOneSessionPerFile() {
        var invoke = new Action.Invoke(Optional.empty(), "f", List.of());
        ExpectedValue one = ExpectedValue.parse("i32", "1");
        try (CommandRunner r = new CommandRunner(file(), Optional.of(scripted))) {
            assertEquals(Outcome.Status.PASSED, run(r, new SpecCommand.Module(1, "ok.wasm", Optional.of("$m"))));
            nextResult = new ActionResult.Returned(List.of(new WasmValue.I32(1)));
            assertEquals(Outcome.Status.PASSED, run(r, new SpecCommand.AssertReturn(2, invoke, List.of(one))));
            nextResult = new ActionResult.Returned(List.of(new WasmValue.I32(2)));
            assertEquals(Outcome.Status.FAILED, run(r, new SpecCommand.AssertReturn(3, invoke, List.of(one))));
            nextResult = new ActionResult.Trapped("integer divide by zero");
            assertEquals(Outcome.Status.PASSED, run(r, new SpecCommand.AssertTrap(4, invoke, "integer divide by zero")));
            assertEquals(Outcome.Status.FAILED, run(r, new SpecCommand.AssertReturn(5, invoke, List.of(one))));
            assertEquals(Outcome.Status.PASSED, run(r, new SpecCommand.Register(6, "M", Optional.empty())));
            nextResult = null;
            Outcome unsupported = r.run(new SpecCommand.AssertReturn(8, invoke, List.of(one)));
            assertEquals(Outcome.Status.SKIPPED, unsupported.status());
            assertEquals("executor scripted does not support it: no such thing", unsupported.detail());
            assertEquals(Outcome.Status.FAILED, run(r, new SpecCommand.AssertUninstantiable(7, "ok.wasm", "x")));
        }
        assertEquals(List.of("open t", "instantiate ok.wasm $m", "perform f", "perform f", "perform f", "perform f",
                "register M", "perform f", "instantiate ok.wasm -", "close"), calls);
    }
}
