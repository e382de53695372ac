package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.spec.Executor;
import io.github.wasmaot.spec.ExecutorSession;

/**
 * Runs spec modules on a real WAMR {@code iwasm} (natively, or aarch64 under qemu-user), one
 * {@code iwasm --repl} process per module instance. What iwasm is given comes from the
 * {@link ModulePreparer}: the .wasm for its interpreter, or our AOT image ({@link AotCompilingPreparer}). Modules get
 * probe exports first ({@link ProbeInstrumenter}) so floats and globals are read bit-exactly.
 */
public final class IwasmExecutor implements Executor {

    private final IwasmConfig config;
    private final ModulePreparer preparer;
    private final String mode;
    private IwasmVersion version;

    /**
     * @param version what the judge's {@code --version} said, or null to probe it on first use
     * @param mode    what the preparer makes, for reports: {@code "interpreter wamr-2.4"}, {@code "aot wamr-2.4"}...
     */
    public IwasmExecutor(IwasmConfig config, IwasmVersion version, ModulePreparer preparer, String mode) {
        this.config = config;
        this.version = version;
        this.preparer = preparer;
        this.mode = mode;
    }

    public IwasmConfig config() {
        return config;
    }

    /** What {@code iwasm --version} says (run once). */
    public synchronized IwasmVersion version() {
        if (version == null) {
            version = IwasmVersion.probe(config);
        }
        return version;
    }

    @Override
    public String name() {
        String runtime = config.linkHost() ? "link host on the runtime of " + version() : version().toString();
        return runtime + " " + config.isa().id() + " " + mode;
    }

    @Override
    public ExecutorSession openSession(String specFile) {
        return new IwasmSession(config, version(), preparer, specFile);
    }
}
