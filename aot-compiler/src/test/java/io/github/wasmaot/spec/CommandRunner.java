package io.github.wasmaot.spec;

import io.github.wasmaot.wasm.InvalidModuleException;
import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.WasmException;
import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.model.WasmModule;
import io.github.wasmaot.wasm.validate.ModuleValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs the commands of one spec file in order. Decoding and validation are always checked by
 * the front end; everything that needs execution goes to the {@link Executor}'s session, or is
 * skipped when there is none.
 */
final class CommandRunner implements AutoCloseable {

    static final String NO_EXECUTOR = "needs execution; no executor configured";
    static final String TEXT_FORMAT = "text-format (.wat) module; only binaries are in scope";

    private final SpecFile file;
    private final Optional<Executor> executor;
    private ExecutorSession session;

    CommandRunner(SpecFile file, Optional<Executor> executor) {
        this.file = file;
        this.executor = executor;
    }

    /**
     * Runs {@code command}. An executor that cannot do something throws
     * {@link UnsupportedOperationException}; the command is then skipped with its message.
     */
    Outcome run(SpecCommand command) {
        try {
            return dispatch(command);
        } catch (UnsupportedOperationException e) {
            return Outcome.skipped("executor " + executor.map(Executor::name).orElse("?")
                    + " does not support it: " + e.getMessage());
        }
    }

    private Outcome dispatch(SpecCommand command) {
        if (command instanceof SpecCommand.AssertMalformed c) {
            return c.binary() ? malformed(c) : Outcome.skipped(TEXT_FORMAT);
        }
        if (command instanceof SpecCommand.AssertInvalid c) {
            return c.binary() ? invalid(c) : Outcome.skipped(TEXT_FORMAT);
        }
        if (command instanceof SpecCommand.Module c) {
            return module(c);
        }
        if (command instanceof SpecCommand.AssertUnlinkable c) {
            return instantiationFails(c, c.text(), InstantiationResult.Unlinkable.class);
        }
        if (command instanceof SpecCommand.AssertUninstantiable c) {
            return instantiationFails(c, c.text(), InstantiationResult.Trapped.class);
        }
        if (executor.isEmpty()) {
            return Outcome.skipped(NO_EXECUTOR);
        }
        if (command instanceof SpecCommand.Register c) {
            session().register(c.as(), c.name());
            return Outcome.passed();
        }
        if (command instanceof SpecCommand.PerformAction c) {
            ActionResult r = session().perform(c.action());
            return r instanceof ActionResult.Returned ? Outcome.passed() : Outcome.failed("action failed: " + r);
        }
        if (command instanceof SpecCommand.AssertReturn c) {
            return assertReturn(c);
        }
        if (command instanceof SpecCommand.AssertTrap c) {
            ActionResult r = session().perform(c.action());
            return r instanceof ActionResult.Trapped t
                    ? Outcome.rejected(c.text(), t.message())
                    : Outcome.failed("expected trap \"" + c.text() + "\" but got " + r);
        }
        if (command instanceof SpecCommand.AssertExhaustion c) {
            ActionResult r = session().performExpectingExhaustion(c.action());
            return r instanceof ActionResult.Exhausted e
                    ? Outcome.rejected(c.text(), e.message())
                    : Outcome.failed("expected call stack exhaustion but got " + r);
        }
        throw new IllegalArgumentException("unhandled command " + command);
    }

    private Outcome malformed(SpecCommand.AssertMalformed c) {
        try {
            WasmModule m = ModuleDecoder.decode(read(c.filename()));
            return Outcome.failed("decoded although malformed (\"" + c.text() + "\")"
                    + validationNote(m));
        } catch (MalformedModuleException e) {
            return Outcome.rejected(c.text(), e.reason());
        }
    }

    private static String validationNote(WasmModule m) {
        try {
            ModuleValidator.validate(m);
            return "; it also validates";
        } catch (InvalidModuleException e) {
            return "; validation then says: " + e.getMessage();
        }
    }

    private Outcome invalid(SpecCommand.AssertInvalid c) {
        WasmModule m;
        try {
            m = ModuleDecoder.decode(read(c.filename()));
        } catch (MalformedModuleException e) {
            return Outcome.failed("expected to decode and fail validation (\"" + c.text()
                    + "\") but decoding failed: " + e.getMessage());
        }
        try {
            ModuleValidator.validate(m);
            return Outcome.failed("validated although invalid (\"" + c.text() + "\")");
        } catch (InvalidModuleException e) {
            return Outcome.rejected(c.text(), e.reason());
        }
    }

    private Outcome module(SpecCommand.Module c) {
        ModuleBinary binary;
        try {
            binary = frontEnd(c.filename());
        } catch (WasmException e) {
            return Outcome.failed("module rejected: " + e.getMessage());
        }
        if (executor.isEmpty()) {
            return Outcome.passed();
        }
        InstantiationResult r = session().instantiate(binary, c.name());
        return r instanceof InstantiationResult.Instantiated ? Outcome.passed()
                : Outcome.failed("instantiation failed: " + r);
    }

    private Outcome instantiationFails(SpecCommand.WithModule c, String text,
                                       Class<? extends InstantiationResult> expected) {
        ModuleBinary binary;
        try {
            binary = frontEnd(c.filename());
        } catch (WasmException e) {
            return Outcome.failed("module rejected by the front end: " + e.getMessage());
        }
        if (executor.isEmpty()) {
            return Outcome.skipped(NO_EXECUTOR);
        }
        InstantiationResult r = session().instantiate(binary, Optional.empty());
        if (!expected.isInstance(r)) {
            return Outcome.failed("expected " + expected.getSimpleName() + " \"" + text + "\" but got " + r);
        }
        String message = r instanceof InstantiationResult.Unlinkable u ? u.message()
                : ((InstantiationResult.Trapped) r).message();
        return Outcome.rejected(text, message);
    }

    private Outcome assertReturn(SpecCommand.AssertReturn c) {
        ActionResult r = session().perform(c.action());
        if (!(r instanceof ActionResult.Returned returned)) {
            return Outcome.failed("expected " + c.expected() + " but got " + r);
        }
        List<WasmValue> actual = returned.values();
        boolean ok = actual.size() == c.expected().size();
        for (int i = 0; ok && i < actual.size(); i++) {
            ok = c.expected().get(i).matches(actual.get(i));
        }
        return ok ? Outcome.passed() : Outcome.failed("expected " + c.expected() + " but got " + actual);
    }

    private ModuleBinary frontEnd(String filename) {
        byte[] bytes = read(filename);
        WasmModule m = ModuleDecoder.decode(bytes);
        ModuleValidator.validate(m);
        return new ModuleBinary(file.directory().resolve(filename), bytes, m);
    }

    private byte[] read(String filename) {
        Path p = file.directory().resolve(filename);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private ExecutorSession session() {
        if (session == null) {
            session = executor.orElseThrow().openSession(file.name());
        }
        return session;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
