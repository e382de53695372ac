package io.github.wasmaot.cli;

import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendChoice;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Instance;
import io.github.wasmaot.loader.InstanceOptions;
import io.github.wasmaot.loader.WasmValue;
import java.io.InputStream;
import java.util.List;

/**
 * Start-up (issue #15): the launcher dumps {@code run}'s class-data sharing archive from the classes the first
 * successful {@code run} after a build loaded. When that run was emulated (the README's first command runs an aarch64
 * image), the native backend's classes were missing from the archive and every later native run loaded them from
 * the jar (~25 ms more). So the launcher's listing run sets {@value #PROPERTY}, and after a run on another backend
 * this also runs a tiny embedded x86_64 image ({@code examples/fib.wasm} compiled for wamr-2.4) natively, where the
 * default choice for such an image is native: its classes are then in the list too. It prints nothing, and a failure
 * only leaves the list shorter.
 */
final class CdsTraining {
    static final String PROPERTY = "wasmaot.cds.train";
    static final String IMAGE = "training/fib.x86_64.aot";

    private CdsTraining() {
    }

    /** After a run whose backend was {@code ran}: the native training, if the launcher asked for it. */
    static void afterRun(BackendKind ran) {
        if (Boolean.getBoolean(PROPERTY) && ran != BackendKind.NATIVE) {
            runNative();
        }
    }

    /** Runs the embedded image's {@code fib(1)} natively where that is the default backend for it; its result, or null. */
    static WasmValue runNative() {
        try (InputStream in = CdsTraining.class.getResourceAsStream(IMAGE)) {
            if (in == null) {
                return null;
            }
            AotModule module = AotModule.open(in.readAllBytes(), IMAGE);
            if (BackendChoice.forModule(module).kind() != BackendKind.NATIVE) {
                return null;
            }
            try (Instance instance = module.instantiate(BackendKind.NATIVE, InstanceOptions.defaults())) {
                return instance.call("fib", List.of(WasmValue.i32(1))).get(0);
            }
        } catch (Exception | LinkageError e) {
            return null;
        }
    }
}
