package io.github.wasmaot.loader;

import static io.github.wasmaot.loader.ValueType.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.host.HostCall;
import io.github.wasmaot.loader.host.HostFunction;
import io.github.wasmaot.loader.host.HostImports;
import io.github.wasmaot.loader.host.HostModule;
import io.github.wasmaot.loader.wasi.WasiConfig;
import io.github.wasmaot.loader.wasi.WasiPreview1;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Java host functions called by real wamrc code on both backends. No real image imports {@code env.*}, so the
 * host replaces {@code wasi_snapshot_preview1.fd_write} of hello_wat ({@code fd_write(1, iovs=0, 1, nwritten=8)}
 * writing "Hello, WASI (wat)!\n"): WAMR-2.4 code calls it directly through func_ptrs with native pointers,
 * legacy (cba4c782) code through aot_invoke_native with 32-bit cells, the path every user import takes.
 */
class HostFunctionsEndToEndTest {
    private static final String HELLO = "Hello, WASI (wat)!\n";
    private static final FunctionSignature FD_WRITE = new FunctionSignature(List.of(I32, I32, I32, I32), List.of(I32));

    private final ByteArrayOutputStream wasiStdout = new ByteArrayOutputStream();

    private Instance open(String file, String profile, BackendKind kind, HostFunction fdWrite) throws LoaderException {
        AotModule module = AotModule.open(AotVectors.byFile(file).bytes(), file, profile);
        Backends.assumeAvailable(kind, module.isa());
        HostImports imports = HostImports.of(HostModule.builder(WasiPreview1.MODULE)
                .function("fd_write", FD_WRITE, fdWrite).build());
        return module.instantiate(kind, new InstanceOptions(OptionalLong.empty(),
                new WasiConfig(List.of(file), wasiStdout, OutputStream.nullOutputStream()), imports));
    }

    /** The guest's iovecs, gathered through the host's memory view. */
    private static String gather(HostCall c) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < c.i32(2); i++) {
            long iov = c.u32(1) + 8L * i;
            out.append(c.memory().readString(c.memory().readU32(iov), c.memory().readU32(iov + 4)));
        }
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource({
        "hello_wat.wamr-2.4.x86_64.aot, wamr-2.4, NATIVE",
        "hello_wat.wamr-2.4.x86_64.aot, wamr-2.4, EMULATED",
        "hello_wat.wamr-2.4.x86_64.bounds-checks.aot, wamr-2.4, NATIVE",
        "hello_wat.wamr-2.4.aarch64.aot, wamr-2.4, EMULATED",
        "hello_wat.wamr-cba4c782.x86_64.aot, wamr-cba4c782, NATIVE",
        "hello_wat.wamr-cba4c782.x86_64.aot, wamr-cba4c782, EMULATED",
        "hello_wat.wamr-cba4c782.aarch64.bounds-checks.aot, wamr-cba4c782, EMULATED",
        "hello_wat.wamr-2.4.aarch64.aot, wamr-2.4, NATIVE",
        "hello_wat.wamr-cba4c782.aarch64.bounds-checks.aot, wamr-cba4c782, NATIVE",
    })
    void aHostFunctionServesTheImportWithTypedArgumentsAndTheCallersMemory(String file, String profile,
                                                                          BackendKind kind) throws Exception {
        List<List<WasmValue>> calls = new ArrayList<>();
        StringBuilder captured = new StringBuilder();
        try (Instance instance = open(file, profile, kind, c -> {
            calls.add(c.args());
            String text = gather(c);
            captured.append(text);
            c.memory().writeU32(c.u32(3), text.length());
            return WasmValue.i32(0);
        })) {
            assertEquals(List.of(), instance.call("_start", List.of()));
            assertEquals(HELLO, captured.toString());
            assertEquals(List.of(List.of(WasmValue.i32(1), WasmValue.i32(0), WasmValue.i32(1), WasmValue.i32(8))),
                    calls);
            assertEquals(0, wasiStdout.size(), "the host function replaced WASI's fd_write");
            instance.call("_start", List.of());
            assertEquals(HELLO + HELLO, captured.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "hello_wat.wamr-2.4.x86_64.aot, wamr-2.4, NATIVE",
        "hello_wat.wamr-2.4.x86_64.aot, wamr-2.4, EMULATED",
        "hello_wat.wamr-2.4.aarch64.bounds-checks.aot, wamr-2.4, EMULATED",
        "hello_wat.wamr-cba4c782.x86_64.aot, wamr-cba4c782, NATIVE",
        "hello_wat.wamr-cba4c782.aarch64.aot, wamr-cba4c782, EMULATED",
        "hello_wat.wamr-2.4.aarch64.bounds-checks.aot, wamr-2.4, NATIVE",
        "hello_wat.wamr-cba4c782.aarch64.aot, wamr-cba4c782, NATIVE",
    })
    void hostTrapsExitsAndFailuresEndTheCallAndLeaveTheInstanceUsable(String file, String profile,
                                                                      BackendKind kind) throws Exception {
        String[] mode = {"trap"};
        StringBuilder captured = new StringBuilder();
        try (Instance instance = open(file, profile, kind, c -> {
            switch (mode[0]) {
                case "trap" -> throw new WasmTrapException(TrapKind.OTHER, "Exception: storage quota exceeded");
                case "oob" -> c.memory().read(c.memory().size() - 2, 4);
                case "exit" -> throw new WasiExitException(7);
                case "bug" -> throw new IllegalStateException("host bug");
                default -> captured.append(gather(c));
            }
            return WasmValue.i32(0);
        })) {
            WasmTrapException trap = assertThrows(WasmTrapException.class, () -> instance.call("_start", List.of()));
            assertEquals("Exception: storage quota exceeded", trap.runtimeText());
            assertEquals(TrapKind.OTHER, trap.kind());

            mode[0] = "oob";
            WasmTrapException oob = assertThrows(WasmTrapException.class, () -> instance.call("_start", List.of()));
            assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, oob.kind());
            assertEquals("Exception: out of bounds memory access", oob.runtimeText());

            mode[0] = "exit";
            WasiExitException exit = assertThrows(WasiExitException.class, () -> instance.call("_start", List.of()));
            assertEquals(7, exit.exitCode());

            mode[0] = "bug";
            IllegalStateException bug = assertThrows(IllegalStateException.class,
                    () -> instance.call("_start", List.of()));
            assertEquals("host bug", bug.getMessage());

            mode[0] = "ok";
            instance.call("_start", List.of());
            assertEquals(HELLO, captured.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"NATIVE", "EMULATED"})
    void anImportServedWithAnotherSignatureFailsInstantiation(BackendKind kind) {
        String file = "hello_wat.wamr-2.4.x86_64.aot";
        AotModule module;
        try {
            module = AotModule.open(AotVectors.byFile(file).bytes(), file, "wamr-2.4");
        } catch (LoaderException e) {
            throw new AssertionError(e);
        }
        Backends.assumeAvailable(kind, module.isa());
        HostImports imports = HostImports.of(HostModule.builder(WasiPreview1.MODULE)
                .function("fd_write", List.of(I32, I32), List.of(I32), c -> WasmValue.i32(0)).build());
        LoaderException e = assertThrows(LoaderException.class, () -> module.instantiate(kind,
                InstanceOptions.defaults().withImports(imports)));
        assertEquals("failed to link import function (wasi_snapshot_preview1, fd_write): the module imports"
                + " (i32, i32, i32, i32) -> (i32) but the host function is (i32, i32) -> (i32)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "hello.wamr-2.4.x86_64.aot, wamr-2.4, NATIVE",
        "hello.wamr-2.4.x86_64.aot, wamr-2.4, EMULATED",
        "hello.wamr-cba4c782.aarch64.aot, wamr-cba4c782, EMULATED",
        "hello.wamr-2.4.aarch64.aot, wamr-2.4, NATIVE",
    })
    void unusedHostModulesAndWasiSettingsDoNotDisturbAWasiProgram(String file, String profile, BackendKind kind)
            throws Exception {
        AotModule module = AotModule.open(AotVectors.byFile(file).bytes(), file, profile);
        Backends.assumeAvailable(kind, module.isa());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostModule env = HostModule.builder("env")
                .function("debug", List.of(I32, I32), List.of(), HostFunction.ofVoid(c -> { })).build();
        WasiConfig wasi = new WasiConfig(List.of(file), out, OutputStream.nullOutputStream())
                .withEnv("LANG", "C").withStdin(new ByteArrayInputStream(new byte[] {1}));
        try (Instance instance = module.instantiate(kind, InstanceOptions.defaults().withWasi(wasi)
                .withHostModules(env))) {
            // main returns 0: wasi-libc's _start calls proc_exit only for a non-zero status
            assertEquals(List.of(), instance.call("_start", List.of()));
        }
        assertEquals("Hello, WASI!\n", out.toString(StandardCharsets.UTF_8));
    }
}
