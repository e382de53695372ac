package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.host.HostFunction;
import io.github.wasmaot.loader.host.HostModule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Natively, a guard-page hit of an image without software bounds checks is an "out of bounds memory access"
 * trap, and a runaway recursion in an image without a native-stack check a "native stack overflow" trap
 * (SignalTraps' handler), not a dead JVM; and the instance goes on.
 */
class NativeTrapsTest {
    /**
     * Each overflow runs down the call thread's whole 64 MiB stack (some 40 ms on a loaded 2-vCPU machine), so the
     * suite makes a thousand; {@code -DnativeTrapsTest.overflows=10000} makes ten thousand.
     */
    private static final int N_OVERFLOWS = Integer.getInteger("nativeTrapsTest.overflows", 1_000);

    private static Instance open(String file, String profile) throws LoaderException {
        AotModule module = AotModule.open(AotVectors.byFile(file).bytes(), file, profile);
        Backends.assumeAvailable(BackendKind.NATIVE, module.isa());
        return module.instantiate(BackendKind.NATIVE, InstanceOptions.defaults());
    }

    private static Instance openTraps(HostFunction tick) throws LoaderException {
        AotModule module = TrapTestModule.open("wamr-2.4", "x86_64");
        Backends.assumeAvailable(BackendKind.NATIVE, module.isa());
        return module.instantiate(BackendKind.NATIVE, InstanceOptions.defaults().withHostModules(
                HostModule.builder("env").function("tick", new FunctionSignature(List.of(), List.of(ValueType.I32)),
                        tick).build()));
    }

    @Test
    void stackOverflowsAreTrapsAndTheInstanceGoesOn() throws Exception {
        try (Instance instance = openTraps(c -> WasmValue.i32(1))) {
            for (int i = 0; i < N_OVERFLOWS; i++) {
                WasmTrapException overflow = assertThrows(WasmTrapException.class,
                        () -> instance.call("recurse", List.of(WasmValue.i64(0))));
                assertEquals(TrapKind.NATIVE_STACK_OVERFLOW, overflow.kind());
                assertEquals("Exception: native stack overflow", overflow.runtimeText());
            }
            assertEquals(List.of(WasmValue.i32(5)), instance.call("add", List.of(WasmValue.i32(2), WasmValue.i32(3))));
        }
    }

    /**
     * Host functions that the JIT compiles while wasm calls them, and that take the JVM's own SIGSEGV on the call
     * thread (an implicit null check that throws a caught NullPointerException): the handler must pass those on to
     * the JVM; traps in between still come back as traps.
     */
    @Test
    void jitCompiledHostFunctionsKeepTheirOwnSignalsBetweenTraps() throws Exception {
        AtomicLong npes = new AtomicLong();
        Object[] maybeNull = {null, "x"};
        try (Instance instance = openTraps(c -> {
            Map<Integer, String> m = new HashMap<>();
            for (int i = 0; i < 20; i++) {
                m.put(i, Integer.toString(i * 31));
            }
            try {
                Object o = maybeNull[(int) (npes.get() & 0)];
                o.hashCode();
            } catch (NullPointerException e) {
                npes.incrementAndGet();
            }
            return WasmValue.i32(m.get(7).length() - 2);
        })) {
            for (int round = 0; round < 10; round++) {
                assertEquals(List.of(WasmValue.i32(5_000)), instance.call("ticks", List.of(WasmValue.i32(5_000))));
                WasmTrapException overflow = assertThrows(WasmTrapException.class,
                        () -> instance.call("recurse", List.of(WasmValue.i64(0))));
                assertEquals(TrapKind.NATIVE_STACK_OVERFLOW, overflow.kind());
            }
            assertEquals(10L * 5_000, npes.get());
        }
    }

    /**
     * Re-entrancy: a host function called by one instance's AOT code calls another instance, whose guard-page hit
     * stops only that inner call (the innermost frame); the outer call goes on.
     */
    @Test
    void aTrapInANestedCallStopsOnlyTheInnerCall() throws Exception {
        AtomicLong innerTraps = new AtomicLong();
        try (Instance inner = open("features.wamr-2.4.x86_64.aot", "wamr-2.4");
             Instance outer = openTraps(c -> {
                 try {
                     inner.call("load", List.of(WasmValue.i32(70000)));
                 } catch (WasmTrapException e) {
                     innerTraps.addAndGet(e.kind() == TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS ? 1 : 1000);
                 } catch (LoaderException e) {
                     throw new IllegalStateException(e);
                 }
                 return WasmValue.i32(1);
             })) {
            assertEquals(List.of(WasmValue.i32(300)), outer.call("ticks", List.of(WasmValue.i32(300))));
            assertEquals(300, innerTraps.get());
            WasmTrapException overflow = assertThrows(WasmTrapException.class,
                    () -> outer.call("recurse", List.of(WasmValue.i64(0))));
            assertEquals(TrapKind.NATIVE_STACK_OVERFLOW, overflow.kind());
            assertEquals(List.of(WasmValue.i32(0x6e6e6970)), inner.call("load", List.of(WasmValue.i32(16))));
        }
    }

    @Test
    void tenThousandGuardPageHitsAreTrapsAndTheInstanceGoesOn() throws Exception {
        // meanwhile another thread takes the JVM's SIGSEGV (JIT-compiled implicit null checks): the handler must
        // pass every fault of a thread other than the call thread on to the JVM
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong otherThreadNpes = new AtomicLong();
        Thread other = new Thread(() -> {
            Object[] maybeNull = {null};
            while (!done.get()) {
                try {
                    maybeNull[(int) (otherThreadNpes.get() & 0)].hashCode();
                } catch (NullPointerException e) {
                    otherThreadNpes.incrementAndGet();
                }
            }
        }, "npe-loop");
        other.start();
        try (Instance instance = open("features.wamr-2.4.x86_64.aot", "wamr-2.4")) {
            assertTrue(instance.reportsGuardPageTraps());
            for (int i = 0; i < 10_000; i++) {
                WasmTrapException oob = assertThrows(WasmTrapException.class,
                        () -> instance.call("load", List.of(WasmValue.i32(70000))));
                assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, oob.kind());
                assertEquals("Exception: out of bounds memory access", oob.runtimeText());
            }
            assertEquals(List.of(WasmValue.i32(0x6e6e6970)), instance.call("load", List.of(WasmValue.i32(16))));
            assertEquals(List.of(WasmValue.i32(3)), instance.call("div", List.of(WasmValue.i32(7), WasmValue.i32(2))));
        } finally {
            done.set(true);
            other.join();
        }
        assertTrue(otherThreadNpes.get() > 0);
    }
}
