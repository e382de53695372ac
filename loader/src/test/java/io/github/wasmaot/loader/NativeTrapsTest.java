package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Natively, a guard-page hit of an image without software bounds checks is an "out of bounds memory access"
 * trap (SignalTraps' handler), not a dead JVM; and the instance goes on.
 */
class NativeTrapsTest {
    private static Instance open(String file, String profile) throws LoaderException {
        AotModule module = AotModule.open(AotVectors.byFile(file).bytes(), file, profile);
        Backends.assumeAvailable(BackendKind.NATIVE, module.isa());
        return module.instantiate(BackendKind.NATIVE, InstanceOptions.defaults());
    }

    @Test
    void tenThousandGuardPageHitsAreTrapsAndTheInstanceGoesOn() throws Exception {
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
        }
    }
}
