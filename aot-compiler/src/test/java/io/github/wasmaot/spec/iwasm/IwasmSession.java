package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.spec.Action;
import io.github.wasmaot.spec.ActionResult;
import io.github.wasmaot.spec.ExecutorSession;
import io.github.wasmaot.spec.InstantiationResult;
import io.github.wasmaot.spec.ModuleBinary;
import io.github.wasmaot.spec.SpectestHost;
import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.validate.ModuleValidator;
import io.github.wasmaot.wasm.model.ImportDescriptor;
import io.github.wasmaot.wasm.model.WasmModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One spec file's modules, each instance in its own iwasm REPL process. iwasm links only its builtin
 * modules and files: a judge built with {@code WASM_ENABLE_SPEC_TEST} ({@link IwasmConfig#spectest()})
 * provides {@code spectest}, and a multi-module judge ({@link IwasmConfig#multiModule()}) loads a
 * registered module's file (a new instance of it), and the link host ({@link IwasmConfig#linkHost()}) links function
 * imports to a new instance of the registered module ({@link LinkFile}). Any other function import is left unlinked
 * and only traps when called, which is reported as a failure; a module with any other kind of unresolvable import
 * is reported unsupported, as is {@code register} on a judge that links neither way, actions on such a module, and
 * actions on any registered module such a module imports from (its start function or segments could
 * have changed the exporter's state in a real link).
 */
final class IwasmSession implements ExecutorSession {

    static final String IMPORTS_UNSUPPORTED = "module has imports iwasm cannot provide: without WASM_ENABLE_SPEC_TEST "
            + "it has no spectest host, and without multi-module it cannot link to another instance";
    static final String NOT_INSTANTIATED = "action on a module that was not run: " + IMPORTS_UNSUPPORTED;
    static final String REGISTER_UNSUPPORTED = "iwasm cannot make one instance's exports importable by another";
    static final String TAINTED = "action on a module whose exports a skipped module imports (its instantiation "
            + "may have changed this module's table, memory or globals)";
    static final String QEMU_ZERO_PAGES = "a linear memory of 0 pages cannot be allocated by iwasm under qemu-user "
            + "(mprotect of length 0 fails; --heap-size would add pages and change memory.size)";
    static final String UNLINKED_CALL = "the module called an import iwasm could not link (no instance to link "
            + "to: the judge cannot share a registered instance, and without multi-module it links none): ";
    static final String REFUSED_MODULE = "action on a module that was refused before it reached iwasm (that module "
            + "command is reported as failed with the reason)";
    static final String FAILED_MODULE = "action on a module that iwasm failed to instantiate (that module command "
            + "is reported as failed)";
    /** How the link host starts its message when it cannot instantiate a registered module. */
    static final String LINK_HOST_FAILURE = "link_host: ";

    /** A module of the session: running, or not run for a reason. */
    private sealed interface Slot {
        /** A running instance, the file iwasm loaded it from and the module that file was compiled from. */
        record Live(ReplInstance instance, Path file, WasmModule module) implements Slot {
        }

        record NotRun(String reason) implements Slot {
        }
    }

    private final IwasmConfig config;
    private final IwasmVersion version;
    private final ModulePreparer preparer;
    private final Path workDirectory;
    private final Map<String, Slot> named = new HashMap<>();
    private final Map<String, Slot> registered = new HashMap<>();
    private final Set<Slot> tainted = new HashSet<>();
    /** Registered names whose module file sits in the work folder for a multi-module judge to load. */
    private final Set<String> loadable = new HashSet<>();
    private final List<ReplInstance> running = new ArrayList<>();
    private Slot current;

    IwasmSession(IwasmConfig config, IwasmVersion version, ModulePreparer preparer, String specFile) {
        this.config = config;
        this.version = version;
        this.preparer = preparer;
        try {
            this.workDirectory = Files.createTempDirectory("iwasm-" + specFile.replaceAll("[^A-Za-z0-9_.-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether iwasm can link every import of {@code module}: a judge built for spec tests provides the
     * {@code spectest} module itself, and a multi-module judge loads a registered module's file from the
     * session's folder ({@code --module-path}). A function import iwasm cannot resolve is left unlinked (it
     * only warns): such a module runs, and calling that import is a failure ({@link #UNLINKED_CALL}), never a
     * pass of an {@code assert_trap}.
     */
    private boolean linkable(ModuleBinary module) {
        return module.decoded().imports().stream().allMatch(i ->
                (config.spectest() && i.module().equals(SpectestHost.MODULE_NAME)) || loadable.contains(i.module())
                        || i.descriptor() instanceof ImportDescriptor.Function);
    }

    @Override
    public InstantiationResult instantiate(ModuleBinary module, Optional<String> name) {
        if (!module.decoded().imports().isEmpty() && !linkable(module)) {
            module.decoded().imports().forEach(i -> {
                Slot exporter = registered.get(i.module());
                if (exporter != null) {
                    tainted.add(exporter);
                }
            });
            makeCurrent(new Slot.NotRun(NOT_INSTANTIATED), name);
            throw new UnsupportedOperationException(IMPORTS_UNSUPPORTED);
        }
        InstrumentedModule instrumented = ProbeInstrumenter.instrument(module.decoded(), module.bytes());
        WasmModule decoded = ModuleDecoder.decode(instrumented.bytes());
        ModuleValidator.validate(decoded);
        IwasmProcess process = null;
        try {
            Path file;
            try {
                file = preparer.prepare(new ModuleBinary(module.file(), instrumented.bytes(), decoded), workDirectory);
            } catch (UnsupportedOperationException e) {
                // e.g. the compiler does not translate this module yet: later actions target it, not its predecessor
                makeCurrent(new Slot.NotRun("action on a module that was not run: " + e.getMessage()), name);
                throw e;
            } catch (RuntimeException e) {
                // the preparer refused the module (e.g. our verifier: the runtime would reject it); the module
                // command fails with that reason, and later actions must not fall through to its predecessor
                makeCurrent(new Slot.NotRun(REFUSED_MODULE), name);
                throw e;
            }
            process = IwasmProcess.start(ReplCommandLine.of(config, version, decoded, file, workDirectory,
                    linkFile(decoded, file)), workDirectory);
            IwasmProcess.Chunk first = process.next(config.commandTimeout());
            if (first instanceof IwasmProcess.Chunk.Exited exited) {
                process.close();
                String all = exited.text() + "\n" + process.stderr();
                if (config.linkHost() && all.contains(LINK_HOST_FAILURE)) {
                    makeCurrent(new Slot.NotRun(FAILED_MODULE), name);
                    throw new IllegalStateException("the link host could not link the module (exit " + exited.exitCode()
                            + "): " + IwasmOutputParser.quote(all.strip()));
                }
                String failure = IwasmOutputParser.instantiationFailure(all);
                if (failure == null) {
                    makeCurrent(new Slot.NotRun(FAILED_MODULE), name);
                    throw new IllegalStateException("iwasm did not load the module (exit " + exited.exitCode()
                            + "): " + IwasmOutputParser.quote(all.strip()));
                }
                if (qemuCannotAllocate(decoded, failure)) {
                    makeCurrent(new Slot.NotRun("action on a module that was not run: " + QEMU_ZERO_PAGES), name);
                    throw new UnsupportedOperationException(QEMU_ZERO_PAGES);
                }
                // The spec keeps the previous module current after a failed instantiation, but no spec
                // file acts on it then (checked: no unnamed action follows an assert_uninstantiable
                // before the next module); after a failed `module` command that would misdirect
                // every later action to the previous module, so they are skipped instead.
                makeCurrent(new Slot.NotRun(FAILED_MODULE), name);
                return new InstantiationResult.Trapped(failure);
            }
            ReplInstance instance = new ReplInstance(process, instrumented, config.commandTimeout());
            running.add(instance);
            makeCurrent(new Slot.Live(instance, file, decoded), name);
            return new InstantiationResult.Instantiated();
        } catch (IOException e) {
            closeQuietly(process);
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            closeQuietly(process);
            throw new IllegalStateException("instantiation: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            closeQuietly(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** For the link host: the module's links, written next to its image; empty for any other judge. */
    private Optional<Path> linkFile(WasmModule module, Path image) throws IOException {
        if (!config.linkHost()) {
            return Optional.empty();
        }
        Map<String, LinkFile.Registered> targets = new HashMap<>();
        registered.forEach((as, slot) -> {
            if (slot instanceof Slot.Live live) {
                targets.put(as, new LinkFile.Registered(live.file(), live.module()));
            }
        });
        Path links = image.resolveSibling(image.getFileName() + ".links");
        Files.writeString(links, LinkFile.text(LinkFile.entries(module, targets,
                m -> ReplCommandLine.heapSize(config, m))));
        return Optional.of(links);
    }

    private boolean qemuCannotAllocate(WasmModule module, String failure) {
        // 2.4: "allocate linear memory failed"; cba4c782: "mprotec memory failed" (its mprotect of length 0)
        return config.isa() == Isa.AARCH64
                && (failure.contains("allocate linear memory failed") || failure.contains("mprotec memory failed"))
                && module.allMemories().stream().anyMatch(m -> m.limits().min() == 0);
    }

    private static void closeQuietly(IwasmProcess process) {
        if (process != null) {
            process.close();
        }
    }

    /** Makes {@code slot} current; a replaced unnamed instance can never be used again and is stopped. */
    private void makeCurrent(Slot slot, Optional<String> name) {
        if (current instanceof Slot.Live live && !named.containsValue(current)) {
            live.instance().close();
            running.remove(live.instance());
        }
        current = slot;
        name.ifPresent(n -> named.put(n, slot));
    }

    /**
     * A multi-module judge can load the registered module's file as {@code <as>.aot} / {@code <as>.wasm}, and the link
     * host is given it in the importer's link file: an importer then links a new instance of it (iwasm cannot share
     * the registered instance across processes, so a test that relies on shared state sees the exporter's initial
     * state and fails, as it should).
     */
    @Override
    public void register(String as, Optional<String> name) {
        Slot slot = name.isPresent() ? named.get(name.get()) : current;
        if (slot != null) {
            registered.put(as, slot);
        }
        if (!(config.multiModule() || config.linkHost()) || !(slot instanceof Slot.Live live) || as.contains("/")
                || as.startsWith(".")) {
            throw new UnsupportedOperationException(REGISTER_UNSUPPORTED);
        }
        if (config.linkHost()) {
            return;
        }
        String file = live.file().getFileName().toString();
        String extension = file.substring(file.lastIndexOf('.'));
        try {
            Files.copy(live.file(), workDirectory.resolve(as + extension), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loadable.add(as);
    }

    @Override
    public ActionResult perform(Action action) {
        Slot slot = action.module().isPresent() ? named.get(action.module().get()) : current;
        if (slot == null) {
            throw new IllegalStateException("no module " + action.module().orElse("instantiated") + " for " + action);
        }
        if (slot instanceof Slot.NotRun notRun) {
            throw new UnsupportedOperationException(notRun.reason());
        }
        if (tainted.contains(slot)) {
            throw new UnsupportedOperationException(TAINTED);
        }
        ActionResult result = ((Slot.Live) slot).instance().perform(action);
        if (result instanceof ActionResult.Trapped t && t.message().contains("unlinked import")) {
            throw new IllegalStateException(UNLINKED_CALL + t.message());
        }
        return result;
    }

    @Override
    public void close() {
        running.forEach(ReplInstance::close);
        running.clear();
        named.clear();
        registered.clear();
        tainted.clear();
        loadable.clear();
        current = null;
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
