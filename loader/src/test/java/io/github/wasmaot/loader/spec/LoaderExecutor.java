package io.github.wasmaot.loader.spec;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.spec.Executor;
import io.github.wasmaot.spec.ExecutorSession;
import io.github.wasmaot.spec.ModuleBinary;

/**
 * Runs spec modules through the project's own compiler and loader: each module is compiled by
 * {@link AotCompiler} for one cell (runtime profile, ISA) and instantiated on one backend. Images for the
 * native backend are compiled with software bounds checks (wamrc {@code --bounds-checks=1}): natively an
 * access to a guard page would be a SIGSEGV in the JVM, which the native backend does not catch. Images for
 * the emulator keep wamrc's 64-bit default (guard pages), whose faults the emulator turns into traps.
 */
public final class LoaderExecutor implements Executor {
    private final String profile;
    private final Isa isa;
    private final BackendKind backend;
    private final CompileOptions options;
    private java.util.Optional<String> exhaustionProblem;

    public LoaderExecutor(String profile, Isa isa, BackendKind backend) {
        this.profile = profile;
        this.isa = isa;
        this.backend = backend;
        this.options = CompileOptions.of(profile, isa.label()).withBoundsChecks(backend == BackendKind.NATIVE);
    }

    @Override
    public String name() {
        return "wasm-aot compiler + loader, " + profile + " " + isa.label() + " "
                + backend.name().toLowerCase(java.util.Locale.ROOT)
                + (options.boundsChecks() ? " (bounds-checked images)" : " (guard-page images)");
    }

    String profile() {
        return profile;
    }

    BackendKind backend() {
        return backend;
    }

    /**
     * Why this cell cannot run an {@code assert_exhaustion} action, or empty when it can: the emulator always
     * can; natively only images that check the native stack themselves (see {@link StackCheckProbe}).
     */
    synchronized java.util.Optional<String> exhaustionProblem() {
        if (backend == BackendKind.EMULATED) {
            return java.util.Optional.empty();
        }
        if (exhaustionProblem == null) {
            exhaustionProblem = StackCheckProbe.problem(options);
        }
        return exhaustionProblem;
    }

    /** Our AOT image of {@code module}; a construct the compiler does not translate yet skips the command. */
    byte[] compile(ModuleBinary module) {
        try {
            return AotCompiler.compile(module.bytes(), module.file().getFileName().toString(), options);
        } catch (CompileException e) {
            if (e.notYetTranslated()) {
                throw new UnsupportedOperationException("not compiled yet: " + e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public ExecutorSession openSession(String specFile) {
        return new LoaderSession(this);
    }
}
