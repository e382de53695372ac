package io.github.wasmaot.loader;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typed call API on the real features/add images, per profile, ISA and backend. */
class InstanceApiTest {

    private static Instance open(String file, String profile, BackendKind kind) throws LoaderException {
        AotModule module = AotModule.open(AotVectors.byFile(file).bytes(), file, profile);
        Backends.assumeAvailable(kind, module.isa());
        return module.instantiate(kind, InstanceOptions.defaults());
    }

    @ParameterizedTest
    @CsvSource({
        "features.wamr-2.4.x86_64.aot, wamr-2.4, NATIVE",
        "features.wamr-2.4.x86_64.aot, wamr-2.4, EMULATED",
        "features.wamr-2.4.aarch64.bounds-checks.aot, wamr-2.4, EMULATED",
        "features.wamr-cba4c782.x86_64.bounds-checks.aot, wamr-cba4c782, NATIVE",
        "features.wamr-cba4c782.aarch64.aot, wamr-cba4c782, EMULATED",
        "features.wamr-2.4.aarch64.bounds-checks.aot, wamr-2.4, NATIVE",
        "features.wamr-cba4c782.aarch64.aot, wamr-cba4c782, NATIVE",
    })
    void typedCallsGlobalsMemoryAndTraps(String file, String profile, BackendKind kind) throws Exception {
        try (Instance instance = open(file, profile, kind)) {
            assertEquals(new FunctionSignature(List.of(ValueType.I64, ValueType.I64), List.of(ValueType.I64)),
                    instance.signature("mix64"));
            assertEquals(List.of(WasmValue.i64(0x68aeb7bfb6afe028L)),
                    instance.call("mix64", List.of(WasmValue.i64(81985529216486895L), WasmValue.i64(13))));
            assertEquals(List.of(WasmValue.f64(2.0)),
                    instance.call("fmath", List.of(WasmValue.f64(2.0), WasmValue.f32(1.5f))));
            // the start function ran once at instantiation; the mutable global persists across calls
            assertEquals(List.of(WasmValue.i32(101)), instance.call("counter", List.of()));
            assertEquals(List.of(WasmValue.i32(111)), instance.call("bump", List.of(WasmValue.i32(10))));
            assertEquals(List.of(WasmValue.i32(111)), instance.call("counter", List.of()));
            // data segment "pinned" at 16
            assertEquals(List.of(WasmValue.i32(6)), instance.call("strlen", List.of(WasmValue.i32(16))));

            WasmTrapException div = assertThrows(WasmTrapException.class,
                    () -> instance.call("div", List.of(WasmValue.i32(7), WasmValue.i32(0))));
            assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, div.kind());
            assertEquals("Exception: integer divide by zero", div.runtimeText());
            WasmTrapException boom = assertThrows(WasmTrapException.class, () -> instance.call("boom", List.of()));
            assertEquals(TrapKind.UNREACHABLE, boom.kind());
            // a trap does not poison the instance
            assertEquals(List.of(WasmValue.i32(3)), instance.call("div", List.of(WasmValue.i32(7), WasmValue.i32(2))));

            long pages = instance.memoryPages();
            assertEquals(List.of(WasmValue.i32((int) pages + 1)), instance.call("grow", List.of(WasmValue.i32(1))));
            assertEquals(pages + 1, instance.memoryPages());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "features.wamr-2.4.x86_64.aot, wamr-2.4",
        "features.wamr-2.4.aarch64.aot, wamr-2.4",
    })
    void guardPageHitIsAnOutOfBoundsTrapInTheEmulator(String file, String profile) throws Exception {
        try (Instance instance = open(file, profile, BackendKind.EMULATED)) {
            WasmTrapException oob = assertThrows(WasmTrapException.class,
                    () -> instance.call("load", List.of(WasmValue.i32(70000))));
            assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, oob.kind());
            assertEquals(List.of(WasmValue.i32(0x6e6e6970)), instance.call("load", List.of(WasmValue.i32(16))));
        }
    }

    @ParameterizedTest
    @CsvSource({"NATIVE", "EMULATED"})
    void wrongArgumentsAndUnknownExportsAreRejected(BackendKind kind) throws Exception {
        try (Instance instance = open("add.wamr-2.4.x86_64.aot", "wamr-2.4", kind)) {
            assertThrows(LoaderException.class, () -> instance.call("add", List.of(WasmValue.i32(1))));
            assertThrows(LoaderException.class,
                    () -> instance.call("add", List.of(WasmValue.i64(1), WasmValue.i32(2))));
            LoaderException missing = assertThrows(LoaderException.class, () -> instance.call("sub", List.of()));
            assertEquals("lookup function sub failed", missing.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({"NATIVE", "EMULATED"})
    void closedInstanceRefusesCalls(BackendKind kind) throws Exception {
        Instance instance = open("add.wamr-cba4c782.x86_64.aot", "wamr-cba4c782", kind);
        assertEquals(List.of(WasmValue.i32(5)), instance.call("add", List.of(WasmValue.i32(2), WasmValue.i32(3))));
        instance.close();
        instance.close();
        assertThrows(IllegalStateException.class,
                () -> instance.call("add", List.of(WasmValue.i32(2), WasmValue.i32(3))));
    }

    @ParameterizedTest
    @CsvSource({
        "add.wamr-cba4c782.aarch64.aot, wamr-cba4c782",
        "features.wamr-2.4.x86_64.aot, wamr-2.4",
    })
    void profileIsDetectedFromTheHeader(String file, String profile) throws Exception {
        AotModule module = AotModule.open(AotVectors.byFile(file).bytes(), file);
        assertEquals(profile, module.profile().name());
    }

    @ParameterizedTest
    @CsvSource({
        "add.wamr-cba4c782.x86_64.aot, wamr-2.4",
        "add.wamr-2.4.x86_64.aot, wamr-cba4c782",
    })
    void imageOfAnotherProfileIsRejectedWithTheRuntimeText(String file, String profile) {
        LoaderException e = assertThrows(LoaderException.class,
                () -> AotModule.open(AotVectors.byFile(file).bytes(), file, profile));
        assertEquals(true, e.getMessage().startsWith("AOT module load failed: unknown binary version"),
                e.getMessage());
    }
}
