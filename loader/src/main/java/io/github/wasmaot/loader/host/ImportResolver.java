package io.github.wasmaot.loader.host;

import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasmValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds every imported function of a module at instantiation: first to a user {@link HostImport}, else to a
 * builtin (WASI). An import nobody serves, or served with another signature, fails the instantiation with a
 * {@link LoaderException} naming (module, name) as WAMR does ("failed to link import function (%s, %s)",
 * WAMR-2.4.4 aot_runtime.c init_func_ptrs, where it is only a warning and the call traps later) and both
 * signatures. A builtin's WAMR native signature is kept when the user overrides it with the same Wasm
 * signature: compiled code may call such an import directly with converted pointers.
 */
public final class ImportResolver {
    static final String LINK_FAILED = "failed to link import function";

    private ImportResolver() {
    }

    public static List<LinkedImport> resolve(List<ImportRequest> requests, HostImports host, BuiltinImports builtins)
            throws LoaderException {
        List<LinkedImport> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ImportRequest r : requests) {
            String what = LINK_FAILED + " (" + r.module() + ", " + r.name() + ")";
            if (r.signature().results().size() > 1) {
                throw new LoaderException(what + ": multi-value results are not supported by the loader yet");
            }
            Optional<HostImport> h = host.lookup(r.module(), r.name());
            Optional<LinkedImport> builtin = builtins.lookup(r.module(), r.name());
            if (h.isPresent()) {
                if (!h.get().signature().equals(r.signature())) {
                    problems.add(what + ": the module imports " + Signatures.describe(r.signature())
                            + " but the host function is " + Signatures.describe(h.get().signature()));
                    continue;
                }
                Optional<String> nativeSig = builtin.filter(b -> b.signature().equals(r.signature()))
                        .flatMap(LinkedImport::nativeSignature);
                out.add(adapt(h.get(), nativeSig));
            } else if (builtin.isPresent()) {
                if (!builtin.get().signature().equals(r.signature())) {
                    problems.add(what + ": the module imports " + Signatures.describe(r.signature()) + " but "
                            + builtin.get().provider() + " provides " + Signatures.describe(builtin.get().signature()));
                    continue;
                }
                out.add(builtin.get());
            } else {
                problems.add(what + ": no host function is registered for it (the module imports "
                        + Signatures.describe(r.signature()) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new LoaderException(String.join("; ", problems));
        }
        return out;
    }

    /** A user host function as an invoker over raw bits. */
    static LinkedImport adapt(HostImport h, Optional<String> nativeSignature) {
        FunctionSignature sig = h.signature();
        Optional<ValueType> result = sig.results().stream().findFirst();
        LinkedImport.Invoker invoker = (memory, bits) -> {
            List<WasmValue> args = new ArrayList<>(bits.length);
            for (int i = 0; i < sig.params().size(); i++) {
                args.add(WasmValue.fromBits(sig.params().get(i), bits[i]));
            }
            WasmValue r = h.function().call(new HostCall(h.module(), h.name(), sig, args, memory));
            if (result.isEmpty()) {
                if (r != null) {
                    throw new IllegalStateException(badResult(h, r));
                }
                return 0;
            }
            if (r == null || r.type() != result.get()) {
                throw new IllegalStateException(badResult(h, r));
            }
            return r.bits();
        };
        return new LinkedImport(h.module(), h.name(), sig, nativeSignature, "the host", invoker);
    }

    private static String badResult(HostImport h, WasmValue r) {
        return "host function (" + h.module() + ", " + h.name() + ") returned " + (r == null ? "nothing" : r)
                + " but its signature is " + Signatures.describe(h.signature());
    }
}
