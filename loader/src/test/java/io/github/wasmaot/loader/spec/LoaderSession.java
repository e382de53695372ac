package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.Instance;
import io.github.wasmaot.loader.InstanceOptions;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.TrapKind;
import io.github.wasmaot.loader.WasmTrapException;
import io.github.wasmaot.loader.host.HostImports;
import io.github.wasmaot.loader.host.HostModule;
import io.github.wasmaot.spec.Action;
import io.github.wasmaot.spec.ActionResult;
import io.github.wasmaot.spec.ExecutorSession;
import io.github.wasmaot.spec.InstantiationResult;
import io.github.wasmaot.spec.ModuleBinary;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import io.github.wasmaot.spec.WasmValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One spec file's store on the loader: instances in command order, the current one, names and registrations.
 * A registered module's exported functions are importable by later modules through host functions that call
 * into its instance.
 */
final class LoaderSession implements ExecutorSession {
    /** Loader errors that mean "not implemented yet", reported as skips rather than as results. */
    private static final String NOT_YET = "not supported by the loader yet";

    private final LoaderExecutor cell;
    private final List<Instance> instances = new ArrayList<>();
    private final Map<String, Instance> named = new HashMap<>();
    private final Map<String, Instance> registered = new LinkedHashMap<>();
    private Instance current;
    /** Why the most recent module could not be instantiated here, when it could not: later commands skip. */
    private String currentMissing;
    private final Map<String, String> namedMissing = new HashMap<>();
    /**
     * Instances whose table, memory or globals a module imported that could not be instantiated here: what that
     * module would have changed in them is missing, so later commands on them are skipped with the reason.
     */
    private final Map<Instance, String> stale = new java.util.IdentityHashMap<>();
    /** Each instance's decoded module: the declared types of its exports (references travel as i32). */
    private final Map<Instance, WasmModule> modules = new java.util.IdentityHashMap<>();
    /** Registered names whose module could not be instantiated here, with the reason. */
    private final Map<String, String> registeredMissing = new HashMap<>();

    LoaderSession(LoaderExecutor cell) {
        this.cell = cell;
    }

    @Override
    public InstantiationResult instantiate(ModuleBinary module, Optional<String> name) {
        try {
            InstantiationResult r = instantiateNow(module, name);
            if (r instanceof InstantiationResult.Instantiated) {
                currentMissing = null;
                name.ifPresent(namedMissing::remove);
            }
            return r;
        } catch (UnsupportedOperationException e) {
            markStale(module, e.getMessage());
            forget(name, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // the command fails; what follows would otherwise run against the previous module
            markStale(module, "it failed: " + e.getMessage());
            forget(name, "it failed: " + e.getMessage());
            throw e;
        }
    }

    private void forget(Optional<String> name, String reason) {
        current = null;
        currentMissing = reason;
        name.ifPresent(n -> namedMissing.put(n, reason));
    }

    private void markStale(ModuleBinary module, String reason) {
        for (io.github.wasmaot.wasm.model.Import i : module.decoded().imports()) {
            Instance exporter = registered.get(i.module());
            if (exporter != null && !(i.descriptor() instanceof io.github.wasmaot.wasm.model.ImportDescriptor.Function)) {
                stale.putIfAbsent(exporter, module.file().getFileName() + ", which imports its " + i.name()
                        + ", was not instantiated: " + reason);
            }
        }
    }

    private InstantiationResult instantiateNow(ModuleBinary module, Optional<String> name) {
        for (io.github.wasmaot.wasm.model.Import i : module.decoded().imports()) {
            if (registered.containsKey(i.module())
                    && i.descriptor() instanceof io.github.wasmaot.wasm.model.ImportDescriptor.Global g
                    && g.type().mutable()) {
                throw new UnsupportedOperationException("imports the mutable global " + i.module() + "." + i.name()
                        + " of another instance: the AOT runtime copies an imported global's value at"
                        + " instantiation, so the two instances would not share it as the spec expects");
            }
        }
        module.decoded().imports().stream().map(i -> i.module()).filter(registeredMissing::containsKey).findFirst()
                .ifPresent(m -> {
                    throw new UnsupportedOperationException("imports from \"" + m + "\", whose module was not"
                            + " instantiated: " + registeredMissing.get(m));
                });
        byte[] image = cell.compile(module);
        String file = module.file().getFileName().toString();
        Instance instance;
        try {
            AotModule aot = AotModule.open(image, file.replaceFirst("\\.wasm$", ".aot"), cell.profile());
            // no app heap, as the spec runs of iwasm (--heap-size=0): the legacy runtime inserts its heap into
            // linear memory, which memory.size and bounds checks would see
            instance = aot.instantiate(cell.backend(), InstanceOptions.defaults().withHeapSize(0)
                    .withImports(imports()));
        } catch (LoaderException e) {
            return failure(e);
        }
        instances.add(instance);
        modules.put(instance, module.decoded());
        current = instance;
        name.ifPresent(n -> named.put(n, instance));
        return new InstantiationResult.Instantiated();
    }

    private static InstantiationResult failure(LoaderException e) {
        String message = String.valueOf(e.getMessage());
        if (e.getCause() instanceof WasmTrapException trap) {
            return new InstantiationResult.Trapped(body(trap));
        }
        if (message.contains(NOT_YET)) {
            throw new UnsupportedOperationException(message);
        }
        if (message.equals("data segment does not fit")) {
            return new InstantiationResult.Trapped("out of bounds memory access");
        }
        if (message.startsWith("out of bounds table access")) {
            return new InstantiationResult.Trapped(message);
        }
        return new InstantiationResult.Unlinkable(message);
    }

    private HostImports imports() {
        HostImports imports = HostImports.of(SpectestModule.create());
        for (Map.Entry<String, Instance> r : registered.entrySet()) {
            if (!r.getKey().equals(SpectestModule.NAME)) {
                imports = imports.and(exportsOf(r.getKey(), r.getValue()));
            }
        }
        return imports;
    }

    /** The exported functions of {@code instance} as host functions of module {@code as}. */
    private HostModule exportsOf(String as, Instance instance) {
        HostModule.Builder b = HostModule.builder(as);
        for (String export : instance.functionExports()) {
            FunctionSignature sig;
            try {
                sig = instance.signature(export);
            } catch (LoaderException e) {
                continue; // a signature the loader cannot call: importing it fails to link, as it should here
            }
            b.function(export, sig, call -> {
                if (stale.containsKey(instance)) {
                    throw new UnsupportedOperationException("calls into a module whose state depends on a module"
                            + " that was not instantiated: " + stale.get(instance));
                }
                try {
                    List<io.github.wasmaot.loader.WasmValue> r = instance.call(export, call.args());
                    return r.isEmpty() ? null : r.get(0);
                } catch (LoaderException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        }
        for (String export : instance.globalExports()) {
            try {
                b.global(export, instance.exportedGlobal(export));
            } catch (LoaderException e) {
                continue; // a global type the loader cannot read: importing it fails to link
            }
        }
        return b.build();
    }

    @Override
    public void register(String as, Optional<String> name) {
        try {
            registered.put(as, target(name));
            registeredMissing.remove(as);
        } catch (UnsupportedOperationException e) {
            registeredMissing.put(as, e.getMessage());
            throw e;
        }
    }

    private Instance target(Optional<String> name) {
        Instance i = name.isPresent() ? named.get(name.get()) : current;
        String missing = name.isPresent() ? namedMissing.get(name.get()) : currentMissing;
        if (i == null && missing != null) {
            throw new UnsupportedOperationException("its module was not instantiated: " + missing);
        }
        if (i == null) {
            throw new IllegalStateException("no module instance " + name.orElse("(current)"));
        }
        return i;
    }

    @Override
    public ActionResult perform(Action action) {
        Instance instance = target(action.module());
        if (stale.containsKey(instance)) {
            throw new UnsupportedOperationException("its state depends on a module that was not instantiated: "
                    + stale.get(instance));
        }
        if (action instanceof Action.Get get) {
            try {
                return new ActionResult.Returned(List.of(SpecValues.toSpec(instance.global(get.field()),
                        ExportTypes.global(modules.get(instance), get.field()))));
            } catch (LoaderException e) {
                throw notYetOrFailure(e);
            }
        }
        Action.Invoke invoke = (Action.Invoke) action;
        List<io.github.wasmaot.loader.WasmValue> args = new ArrayList<>();
        for (WasmValue v : invoke.args()) {
            args.add(SpecValues.toLoader(v));
        }
        try {
            List<io.github.wasmaot.loader.WasmValue> results = instance.call(invoke.field(), args);
            List<ValType> types = ExportTypes.results(modules.get(instance), invoke.field());
            List<WasmValue> values = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                values.add(SpecValues.toSpec(results.get(i), types.get(i)));
            }
            return new ActionResult.Returned(values);
        } catch (WasmTrapException trap) {
            return trap.kind() == TrapKind.NATIVE_STACK_OVERFLOW ? new ActionResult.Exhausted(body(trap))
                    : new ActionResult.Trapped(body(trap));
        } catch (LoaderException e) {
            throw notYetOrFailure(e);
        }
    }

    /** A loader limitation skips the command; any other loader error (e.g. an export not found) fails it. */
    private static RuntimeException notYetOrFailure(LoaderException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains(NOT_YET) ? new UnsupportedOperationException(message)
                : new IllegalStateException(message, e);
    }

    @Override
    public ActionResult performExpectingExhaustion(Action action) {
        cell.exhaustionProblem().ifPresent(p -> {
            throw new UnsupportedOperationException("runaway recursion on the native backend: " + p);
        });
        return perform(action);
    }

    /** The trap's text without the runtime's "Exception: " prefix, as the spec tests word it. */
    private static String body(WasmTrapException trap) {
        String text = trap.runtimeText();
        return text.startsWith("Exception: ") ? text.substring("Exception: ".length()) : text;
    }

    @Override
    public void close() {
        instances.forEach(Instance::close);
        instances.clear();
    }
}
