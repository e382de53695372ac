package io.github.wasmaot.loader.host;

import static io.github.wasmaot.loader.ValueType.F32;
import static io.github.wasmaot.loader.ValueType.F64;
import static io.github.wasmaot.loader.ValueType.I32;
import static io.github.wasmaot.loader.ValueType.I64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.wasi.WasiConfig;
import io.github.wasmaot.loader.wasi.WasiPreview1;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Registration and resolution of imports, and the call adapter, on a key-value contract host like the issue's
 * {@code env.storage_write/storage_read/debug}.
 */
class ImportResolverTest {
    private static final FunctionSignature STORAGE_WRITE = new FunctionSignature(List.of(I32, I32, I32, I32), List.of());
    private static final FunctionSignature STORAGE_READ =
            new FunctionSignature(List.of(I32, I32, I32, I32, I32), List.of(I32));
    private static final FunctionSignature DEBUG = new FunctionSignature(List.of(I32, I32), List.of());
    private static final FunctionSignature FD_WRITE = new FunctionSignature(List.of(I32, I32, I32, I32), List.of(I32));

    /** A contract host over a map: storage_read copies the value from {@code offset} and returns its length. */
    private static final class KvHost {
        final Map<String, byte[]> store = new HashMap<>();
        final List<String> debug = new ArrayList<>();

        HostModule module() {
            return HostModule.builder("env")
                    .function("storage_write", STORAGE_WRITE, HostFunction.ofVoid(c -> store.put(
                            c.memory().readString(c.u32(0), c.u32(1)), c.memory().readBytes(c.u32(2), c.u32(3)))))
                    .function("storage_read", STORAGE_READ, c -> {
                        byte[] v = store.get(c.memory().readString(c.u32(0), c.u32(1)));
                        if (v == null) {
                            return WasmValue.i32(-1);
                        }
                        int from = (int) Math.min(c.u32(4), v.length);
                        int n = (int) Math.min(c.u32(3), v.length - from);
                        byte[] part = new byte[n];
                        System.arraycopy(v, from, part, 0, n);
                        c.memory().write(c.u32(2), part);
                        return WasmValue.i32(v.length);
                    })
                    .function("debug", DEBUG, HostFunction.ofVoid(c -> debug.add(
                            c.memory().readString(c.u32(0), c.u32(1)))))
                    .build();
        }
    }

    private static ImportRequest env(String name, FunctionSignature sig) {
        return new ImportRequest("env", name, sig);
    }

    private static WasiPreview1 wasi() {
        return new WasiPreview1(new WasiConfig(List.of("m"), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream()), text -> { });
    }

    @Test
    void hostFunctionsGetTypedArgumentsAndTheCallersMemory() throws Exception {
        KvHost host = new KvHost();
        List<LinkedImport> linked = ImportResolver.resolve(List.of(env("storage_write", STORAGE_WRITE),
                env("storage_read", STORAGE_READ), env("debug", DEBUG)), HostImports.of(host.module()), wasi());
        assertEquals(3, linked.size());
        assertEquals(Optional.empty(), linked.get(0).nativeSignature());
        ByteArrayMemory m = ByteArrayMemory.ofPages(1);
        m.write(100, "key".getBytes(StandardCharsets.UTF_8));
        m.write(200, "value!".getBytes(StandardCharsets.UTF_8));
        // i32 arguments arrive as zero-extended bits, exactly as the linker passes them
        assertEquals(0, linked.get(0).invoker().call(m, new long[] {100, 3, 200, 6}));
        assertEquals("value!", new String(host.store.get("key"), StandardCharsets.UTF_8));
        assertEquals(6, linked.get(1).invoker().call(m, new long[] {100, 3, 300, 4, 2}));
        assertEquals("lue!", m.readString(300, 4));
        assertEquals(0xffffffffL, linked.get(1).invoker().call(m, new long[] {200, 3, 300, 4, 0}));
        linked.get(2).invoker().call(m, new long[] {100, 3});
        assertEquals(List.of("key"), host.debug);
        // an out-of-bounds pointer from the guest is the host's fault to see, and becomes a trap in the linker
        assertThrows(GuestMemoryFault.class, () -> linked.get(2).invoker().call(m, new long[] {65535, 2}));
    }

    @Test
    void hostCallExposesEveryValueType() throws Exception {
        FunctionSignature sig = new FunctionSignature(List.of(I32, I64, F32, F64), List.of(F64));
        List<HostCall> seen = new ArrayList<>();
        HostImports imports = HostImports.of(HostModule.builder("m").function("f", sig, c -> {
            seen.add(c);
            return WasmValue.f64(c.i32(0) + c.i64(1) + c.f32(2) + c.f64(3));
        }).build());
        LinkedImport f = ImportResolver.resolve(List.of(new ImportRequest("m", "f", sig)), imports,
                BuiltinImports.none()).get(0);
        long bits = f.invoker().call(GuestMemory.none(), new long[] {0xffffffffL, 10, Float.floatToRawIntBits(0.5f),
                Double.doubleToRawLongBits(0.25)});
        assertEquals(9.75, Double.longBitsToDouble(bits));
        HostCall c = seen.get(0);
        assertEquals("m", c.module());
        assertEquals("f", c.name());
        assertEquals(-1, c.i32(0));
        assertEquals(0xffffffffL, c.u32(0));
        assertEquals(List.of(WasmValue.i32(-1), WasmValue.i64(10), WasmValue.f32(0.5f), WasmValue.f64(0.25)), c.args());
        assertThrows(IllegalArgumentException.class, () -> c.i64(0));
    }

    @Test
    void aMissingImportFailsInstantiationNamingModuleNameAndSignature() {
        LoaderException e = assertThrows(LoaderException.class, () -> ImportResolver.resolve(
                List.of(env("storage_write", STORAGE_WRITE)), HostImports.none(), wasi()));
        assertEquals("failed to link import function (env, storage_write): no host function is registered for it"
                + " (the module imports (i32, i32, i32, i32) -> ())", e.getMessage());
    }

    @Test
    void aSignatureMismatchNamesTheExpectedAndTheGivenSignature() {
        HostImports imports = HostImports.of(HostModule.builder("env")
                .function("storage_read", List.of(I32, I32), List.of(I64), c -> WasmValue.i64(0)).build());
        LoaderException e = assertThrows(LoaderException.class, () -> ImportResolver.resolve(
                List.of(env("storage_read", STORAGE_READ), env("debug", DEBUG)), imports, wasi()));
        assertEquals("failed to link import function (env, storage_read): the module imports"
                + " (i32, i32, i32, i32, i32) -> (i32) but the host function is (i32, i32) -> (i64);"
                + " failed to link import function (env, debug): no host function is registered for it"
                + " (the module imports (i32, i32) -> ())", e.getMessage());
    }

    @Test
    void wasiImportsResolveToTheBuiltinWithWamrsNativeSignature() throws Exception {
        LinkedImport fdWrite = ImportResolver.resolve(List.of(new ImportRequest(WasiPreview1.MODULE, "fd_write",
                FD_WRITE)), HostImports.none(), wasi()).get(0);
        assertEquals(Optional.of("(i*i*)i"), fdWrite.nativeSignature());
        assertEquals(WasiPreview1.MODULE, fdWrite.provider());

        LoaderException e = assertThrows(LoaderException.class, () -> ImportResolver.resolve(List.of(
                new ImportRequest(WasiPreview1.MODULE, "fd_write", DEBUG)), HostImports.none(), wasi()));
        assertEquals("failed to link import function (wasi_snapshot_preview1, fd_write): the module imports"
                + " (i32, i32) -> () but wasi_snapshot_preview1 provides (i32, i32, i32, i32) -> (i32)",
                e.getMessage());
        LoaderException unknown = assertThrows(LoaderException.class, () -> ImportResolver.resolve(List.of(
                new ImportRequest(WasiPreview1.MODULE, "fd_teleport", DEBUG)), HostImports.none(), wasi()));
        assertTrue(unknown.getMessage().startsWith(
                "failed to link import function (wasi_snapshot_preview1, fd_teleport): no host function"));
    }

    @Test
    void aHostFunctionReplacesABuiltinAndKeepsItsNativeSignature() throws Exception {
        HostImports imports = HostImports.of(HostModule.builder(WasiPreview1.MODULE)
                .function("fd_write", FD_WRITE, c -> WasmValue.i32(42)).build());
        LinkedImport fdWrite = ImportResolver.resolve(List.of(new ImportRequest(WasiPreview1.MODULE, "fd_write",
                FD_WRITE)), imports, wasi()).get(0);
        assertEquals("the host", fdWrite.provider());
        // compiled code may call it directly with converted pointers: the linker must still know that
        assertEquals(Optional.of("(i*i*)i"), fdWrite.nativeSignature());
        assertEquals(42, fdWrite.invoker().call(GuestMemory.none(), new long[] {1, 0, 0, 0}));
    }

    @Test
    void aResultOfTheWrongTypeIsAHostBug() throws Exception {
        HostImports imports = HostImports.of(HostModule.builder("env")
                .function("storage_read", STORAGE_READ, c -> null)
                .function("debug", DEBUG, c -> WasmValue.i32(1)).build());
        List<LinkedImport> linked = ImportResolver.resolve(List.of(env("storage_read", STORAGE_READ),
                env("debug", DEBUG)), imports, wasi());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> linked.get(0).invoker().call(GuestMemory.none(), new long[5]));
        assertEquals("host function (env, storage_read) returned nothing but its signature is"
                + " (i32, i32, i32, i32, i32) -> (i32)", e.getMessage());
        assertThrows(IllegalStateException.class, () -> linked.get(1).invoker().call(GuestMemory.none(), new long[2]));
    }

    @Test
    void registeringTwiceIsRejected() {
        HostModule.Builder b = HostModule.builder("env").function("debug", DEBUG, c -> null);
        assertThrows(IllegalArgumentException.class, () -> b.function("debug", DEBUG, c -> null));
        HostModule env = b.build();
        assertThrows(IllegalArgumentException.class, () -> HostImports.of(env, HostModule.builder("env").build()));
        assertEquals(DEBUG, HostImports.of(env).lookup("env", "debug").orElseThrow().signature());
        assertEquals(Optional.empty(), HostImports.of(env).lookup("env", "storage_read"));
        assertEquals(Optional.empty(), HostImports.of(env).lookup("other", "debug"));
    }

    @Test
    void multiValueImportsAreNotSupportedYet() {
        FunctionSignature two = new FunctionSignature(List.of(), List.of(I32, I32));
        LoaderException e = assertThrows(LoaderException.class, () -> ImportResolver.resolve(
                List.of(env("pair", two)), HostImports.none(), wasi()));
        assertTrue(e.getMessage().contains("not supported by the loader"), e.getMessage());
    }
}
