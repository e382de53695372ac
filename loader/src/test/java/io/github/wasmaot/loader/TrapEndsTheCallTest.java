package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wasmaot.loader.host.HostModule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A trap ends the whole wasm call, not only the function that raised it: code after a call whose callee trapped
 * (in wasm, or in a host function that throws a trap) never runs. On WAMR 2.x the AOT code does not check for an
 * exception after calls (the runtime longjmps out), so the loader must unwind it as the runtime does; a loop after
 * the call would otherwise run until the safety-net timeout stops it.
 */
class TrapEndsTheCallTest {
    private static final Duration SAFETY_NET = Duration.ofSeconds(10);

    @ParameterizedTest
    @CsvSource({"wamr-2.4, x86_64, NATIVE", "wamr-2.4, x86_64, EMULATED", "wamr-2.4, aarch64, EMULATED",
            "wamr-cba4c782, x86_64, NATIVE", "wamr-cba4c782, x86_64, EMULATED",
            "wamr-cba4c782, aarch64, EMULATED"})
    void codeAfterATrappingCallNeverRuns(String profile, String isa, BackendKind kind) throws Exception {
        AtomicLong ticks = new AtomicLong();
        AotModule module = TrapTestModule.open(profile, isa);
        Backends.assumeAvailable(kind, module.isa());
        try (Instance instance = module.instantiate(kind, InstanceOptions.defaults().withTimeout(SAFETY_NET)
                .withHostModules(HostModule.builder("env").function("tick",
                        new FunctionSignature(List.of(), List.of(ValueType.I32)), c -> {
                            if (ticks.incrementAndGet() == 3) {
                                throw WasmTrapException.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
                            }
                            return WasmValue.i32(1);
                        }).build()))) {
            // (call $boom) (loop (br 0)), $boom being unreachable
            WasmTrapException inWasm = assertThrows(WasmTrapException.class,
                    () -> instance.call("trap_then_spin", List.of()));
            assertEquals(TrapKind.UNREACHABLE, inWasm.kind());
            assertEquals("Exception: unreachable", inWasm.runtimeText());
            // (loop (drop (call $tick)) (br 0)): the third tick throws
            WasmTrapException inHost = assertThrows(WasmTrapException.class,
                    () -> instance.call("spin_ticking", List.of()));
            assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, inHost.kind());
            assertEquals(3, ticks.get());
            // and the instance goes on
            assertEquals(List.of(WasmValue.i32(5)), instance.call("add", List.of(WasmValue.i32(2), WasmValue.i32(3))));
        }
    }
}
