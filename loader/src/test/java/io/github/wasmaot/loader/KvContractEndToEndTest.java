package io.github.wasmaot.loader;

import static io.github.wasmaot.loader.ValueType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.loader.host.HostFunction;
import io.github.wasmaot.loader.host.HostModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The key-value contract host end to end: {@link KvContractModule} (imports
 * {@code env.storage_write/storage_read/debug}) compiled by the project's own compiler and run on both
 * backends. No real wamrc image imports {@code env.*}.
 */
class KvContractEndToEndTest {
    /** The contract's storage and debug log; {@code quota} writes are allowed, the next one traps. */
    private static final class KvHost {
        final Map<String, byte[]> store = new HashMap<>();
        final List<String> debug = new ArrayList<>();
        int quota = Integer.MAX_VALUE;

        HostModule env() {
            return HostModule.builder("env")
                    .function("storage_write", List.of(I32, I32, I32, I32), List.of(), HostFunction.ofVoid(c -> {
                        if (quota-- <= 0) {
                            throw new WasmTrapException(TrapKind.OTHER, "Exception: storage quota exceeded");
                        }
                        store.put(c.memory().readString(c.u32(0), c.u32(1)), c.memory().readBytes(c.u32(2), c.u32(3)));
                    }))
                    .function("storage_read", List.of(I32, I32, I32, I32, I32), List.of(I32), c -> {
                        byte[] v = store.get(c.memory().readString(c.u32(0), c.u32(1)));
                        if (v == null) {
                            return WasmValue.i32(-1);
                        }
                        int from = (int) Math.min(c.u32(4), v.length);
                        int n = (int) Math.min(c.u32(3), v.length - from);
                        c.memory().write(c.u32(2), Arrays.copyOfRange(v, from, from + n));
                        return WasmValue.i32(v.length);
                    })
                    .function("debug", List.of(I32, I32), List.of(), HostFunction.ofVoid(c -> debug.add(
                            c.memory().readString(c.u32(0), c.u32(1)))))
                    .build();
        }
    }

    private static byte[] compile(String runtime, String isa) throws Exception {
        return AotCompiler.compile(KvContractModule.wasm(), "kv.wasm", CompileOptions.of(runtime, isa));
    }

    private static WasmValue i32(int v) {
        return WasmValue.i32(v);
    }

    @ParameterizedTest
    @CsvSource({
        "wamr-2.4, x86_64, NATIVE",
        "wamr-2.4, x86_64, EMULATED",
        "wamr-2.4, aarch64, EMULATED",
        "wamr-cba4c782, x86_64, NATIVE",
        "wamr-cba4c782, x86_64, EMULATED",
        "wamr-cba4c782, aarch64, EMULATED",
        "wamr-2.4, aarch64, NATIVE",
        "wamr-cba4c782, aarch64, NATIVE",
    })
    void contractStateLivesInTheHostAndHostTrapsStopTheContract(String runtime, String isa, BackendKind kind)
            throws Exception {
        Backends.assumeAvailable(kind, Isa.ofArch(isa).orElseThrow());
        AotModule module = AotModule.open(compile(runtime, isa), "kv.aot", runtime);
        KvHost host = new KvHost();
        try (Instance instance = module.instantiate(kind, InstanceOptions.defaults().withHostModules(host.env()))) {
            assertEquals(List.of(i32(1)), instance.call("increment", List.of()));
            assertEquals(List.of(i32(2)), instance.call("increment", List.of()));
            assertEquals(List.of(i32(3)), instance.call("increment", List.of()));
            assertEquals(List.of("counter", "counter", "counter"), host.debug);
            assertEquals(3, host.store.size() == 1 ? host.store.get("counter")[0] : -1);
            assertEquals(List.of(i32(4)), instance.call("read_len", List.of(i32(7))));
            assertEquals(List.of(i32(-1)), instance.call("read_len", List.of(i32(3))), "no value under \"cou\"");

            // the host reads outside linear memory: a trap, not a JVM crash
            WasmTrapException oob = assertThrows(WasmTrapException.class,
                    () -> instance.call("debug_at", List.of(i32(0xfffffff0), i32(10))));
            assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, oob.kind());

            // a trapping storage_write ends increment before its debug call
            host.quota = 0;
            WasmTrapException quota = assertThrows(WasmTrapException.class,
                    () -> instance.call("increment", List.of()));
            assertEquals("Exception: storage quota exceeded", quota.runtimeText());
            assertEquals(3, host.debug.size());
            assertEquals(3, host.store.get("counter")[0]);

            host.quota = 1;
            assertEquals(List.of(i32(4)), instance.call("increment", List.of()));
            assertEquals("counter", new String(host.debug.get(3).getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @CsvSource({"NATIVE", "EMULATED"})
    void aContractWithoutItsHostDoesNotInstantiate(BackendKind kind) throws Exception {
        Backends.assumeAvailable(kind, Isa.X86_64);
        AotModule module = AotModule.open(compile("wamr-2.4", "x86_64"), "kv.aot", "wamr-2.4");
        LoaderException e = assertThrows(LoaderException.class,
                () -> module.instantiate(kind, InstanceOptions.defaults()));
        assertEquals("failed to link import function (env, storage_write): no host function is registered for it"
                + " (the module imports (i32, i32, i32, i32) -> ()); failed to link import function"
                + " (env, storage_read): no host function is registered for it (the module imports"
                + " (i32, i32, i32, i32, i32) -> (i32)); failed to link import function (env, debug): no host"
                + " function is registered for it (the module imports (i32, i32) -> ())", e.getMessage());
    }
}
