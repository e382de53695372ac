package io.github.wasmaot.loader.spec;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Instance;
import io.github.wasmaot.loader.InstanceOptions;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.TrapKind;
import io.github.wasmaot.loader.WasmTrapException;
import io.github.wasmaot.loader.backend.MemoryFault;
import java.util.List;

/**
 * Whether images the compiler makes check the native stack themselves (wamrc's comparison of a frame address
 * with {@code exec_env->native_stack_boundary}). Found out by running {@code (func $f (call $f))} on the
 * emulator: with the check it traps through {@code aot_set_exception_with_id}; without it the recursion runs
 * off the emulated stack and the trap's cause is that {@link MemoryFault}. Natively, such an image would run
 * into the JVM thread's guard page and take the JVM down.
 */
final class StackCheckProbe {
    /** {@code (module (func (export "f") (call 0)))}. */
    private static final byte[] RECURSE = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
        0x0a, 0x06, 0x01, 0x04, 0x00, 0x10, 0x00, 0x0b,
    };

    private StackCheckProbe() {
    }

    /** Empty when the images check the stack; otherwise why a runaway recursion cannot run natively. */
    static java.util.Optional<String> problem(CompileOptions options) {
        Isa isa = options.isa().equals("aarch64") ? Isa.AARCH64 : Isa.X86_64;
        String why = BackendKind.EMULATED.unavailableReason(isa);
        if (why != null) {
            return java.util.Optional.of("cannot tell whether the images check the native stack: " + why);
        }
        try {
            byte[] image = AotCompiler.compile(RECURSE, "stack-probe.wasm", options);
            try (Instance probe = AotModule.open(image, "stack-probe.aot", options.runtime())
                    .instantiate(BackendKind.EMULATED, InstanceOptions.defaults())) {
                probe.call("f", List.of());
                return java.util.Optional.of("the probe's runaway recursion returned");
            } catch (WasmTrapException trap) {
                if (trap.kind() == TrapKind.NATIVE_STACK_OVERFLOW && !(trap.getCause() instanceof MemoryFault)) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of("the compiler's images do not check the native stack yet (a runaway"
                        + " recursion ran off the emulated stack); natively it would hit the JVM thread's guard"
                        + " page and crash the JVM");
            }
        } catch (LoaderException e) {
            return java.util.Optional.of("stack-check probe failed to load: " + e.getMessage());
        }
    }
}
