package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import org.junit.jupiter.api.Test;

/**
 * The loader's own choice of backend. An image with linear memory may rely on guard pages instead of software
 * bounds checks (wamrc's default on 64-bit targets); the emulator reports a guard-page hit as "out of bounds
 * memory access", and so does the native backend on x86-64 Linux (SignalTraps), but nowhere else. Such images go
 * to the emulator by default, whatever the host. Images without memory go there too while images may lack the
 * native-stack check.
 */
class BackendChoiceTest {
    private static AotModule open(String file) throws LoaderException {
        return AotModule.open(AotVectors.byFile(file).bytes(), file);
    }

    @Test
    void imagesWithLinearMemoryRunEmulatedBecauseTheyMayRelyOnGuardPages() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
        for (String file : new String[] {"features.wamr-2.4.x86_64.aot", "features.wamr-cba4c782.x86_64.aot",
            "features.wamr-2.4.aarch64.aot"}) {
            BackendChoice choice = BackendChoice.forModule(open(file));
            assertEquals(BackendKind.EMULATED, choice.kind(), file);
            if (BackendKind.NATIVE.unavailableReason(Isa.X86_64) == null && file.contains("x86_64")) {
                assertTrue(choice.reason().contains("guard pages"), choice.reason());
            }
        }
    }

    @Test
    void imagesWithoutMemoryRunEmulatedTooWhileImagesMayNotCheckTheirStack() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
        byte[] image = io.github.wasmaot.compiler.AotCompiler.compile(StackArgumentsTest.module(), "no-memory.wasm",
                io.github.wasmaot.compiler.CompileOptions.of("wamr-2.4", "x86_64"));
        BackendChoice choice = BackendChoice.forModule(AotModule.open(image, "no-memory.aot"));
        assertEquals(BackendKind.EMULATED, choice.kind());
        if (BackendKind.NATIVE.unavailableReason(Isa.X86_64) == null) {
            assertTrue(choice.reason().startsWith("no linear memory, but the image may not check its native stack"),
                    choice.reason());
        }
    }

    @Test
    void aDeclaredEmptyMemoryIsNotMistakenForNoMemory() throws Exception {
        // wamrc gives a module without memory a placeholder one (no flags, no pages); (memory 0 0) is a real one
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
        byte[] memory00 = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x05, 0x04, 0x01, 0x01, 0x00, 0x00}; // (memory 0 0)
        for (String profile : new String[] {"wamr-cba4c782", "wamr-2.4"}) {
            byte[] image = io.github.wasmaot.compiler.AotCompiler.compile(memory00, "memory00.wasm",
                    io.github.wasmaot.compiler.CompileOptions.of(profile, "x86_64"));
            BackendChoice choice = BackendChoice.forModule(AotModule.open(image, "memory00.aot"));
            assertEquals(BackendKind.EMULATED, choice.kind(), profile);
            if (BackendKind.NATIVE.unavailableReason(Isa.X86_64) == null) {
                assertTrue(choice.reason().contains("guard pages"), choice.reason());
            }
        }
    }
}
