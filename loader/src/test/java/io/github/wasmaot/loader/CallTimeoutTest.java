package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.loader.host.HostModule;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link InstanceOptions#withTimeout}: a runaway call stops with a typed trap on both backends, and the JVM and
 * the instance go on. */
class CallTimeoutTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static Instance open(String isa, BackendKind kind, AtomicLong ticks) throws LoaderException {
        AotModule module = TrapTestModule.open("wamr-2.4", isa);
        Backends.assumeAvailable(kind, module.isa());
        return module.instantiate(kind, InstanceOptions.defaults().withTimeout(TIMEOUT).withHostModules(
                HostModule.builder("env").function("tick", new FunctionSignature(List.of(), List.of(ValueType.I32)),
                        c -> WasmValue.i32((int) ticks.incrementAndGet())).build()));
    }

    private static void assertTimesOut(Instance instance, String export) {
        long start = System.nanoTime();
        WasmTrapException e = assertThrows(WasmTrapException.class, () -> instance.call(export, List.of()));
        long elapsed = System.nanoTime() - start;
        assertEquals(TrapKind.TIMEOUT, e.kind());
        assertEquals("Exception: execution timed out", e.runtimeText());
        assertTrue(elapsed >= TIMEOUT.toNanos(), "stopped after " + elapsed + " ns");
        assertTrue(elapsed < TIMEOUT.toNanos() + Duration.ofSeconds(5).toNanos(), "stopped after " + elapsed + " ns");
    }

    @ParameterizedTest
    @CsvSource({"x86_64, NATIVE", "x86_64, EMULATED", "aarch64, EMULATED"})
    void anEndlessLoopStopsAfterTheTimeoutAndTheNextCallWorks(String isa, BackendKind kind) throws Exception {
        AtomicLong ticks = new AtomicLong();
        try (Instance instance = open(isa, kind, ticks)) {
            assertTimesOut(instance, "spin");
            assertEquals(List.of(WasmValue.i32(5)), instance.call("add", List.of(WasmValue.i32(2), WasmValue.i32(3))));
            // a loop that spends most of its time in a Java host function stops too
            assertTimesOut(instance, "spin_ticking");
            assertTrue(ticks.get() > 0);
            // a call well within the timeout is not disturbed, the timeout applies to each call afresh
            assertEquals(List.of(WasmValue.i32(3)), instance.call("add", List.of(WasmValue.i32(1), WasmValue.i32(2))));
            ticks.set(0);
            assertEquals(List.of(WasmValue.i32(500 * 501 / 2)), instance.call("ticks", List.of(WasmValue.i32(500))));
            assertTimesOut(instance, "spin");
        }
    }
}
