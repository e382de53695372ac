package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.spec.Executor;
import io.github.wasmaot.spec.ExecutorSession;
import java.util.Optional;

/**
 * Runs spec modules on a real WAMR {@code iwasm} (natively, or aarch64 under qemu-user), one
 * {@code iwasm --repl} process per module instance. What iwasm is given comes from the
 * {@link ModulePreparer}: the .wasm for its interpreter today, our AOT image later. Modules get
 * probe exports first ({@link ProbeInstrumenter}) so floats and globals are read bit-exactly.
 */
public final class IwasmExecutor implements Executor {

    private final IwasmConfig config;
    private final ModulePreparer preparer;
    private final String mode;
    private IwasmVersion version;

    /**
     * @param mode what the preparer makes, for reports: {@code "interpreter"}, {@code "aot wamr-2.4"}...
     */
    public IwasmExecutor(IwasmConfig config, ModulePreparer preparer, String mode) {
        this.config = config;
        this.preparer = preparer;
        this.mode = mode;
    }

    /** The judge for {@code isa} from the environment, running .wasm files on iwasm's interpreter. */
    public static Optional<IwasmExecutor> interpreterFromEnvironment(Isa isa) {
        return IwasmConfig.fromEnvironment(isa, System.getenv())
                .map(c -> new IwasmExecutor(c, ModulePreparer.wasmFile(), "interpreter"));
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
        return version() + " " + config.isa().id() + " " + mode;
    }

    @Override
    public ExecutorSession openSession(String specFile) {
        return new IwasmSession(config, version(), preparer, specFile);
    }
}
