package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The loader's own choice of backend. An image with linear memory may rely on guard pages instead of software
 * bounds checks (wamrc's default on 64-bit targets), and any image may lack the native-stack check. Where the
 * native backend traps both (SignalTraps, x86-64 Linux) a host-ISA image runs natively without a word; elsewhere the
 * emulator runs it, and says why.
 */
class BackendChoiceTest {
    private static AotModule open(String file) throws LoaderException {
        return AotModule.open(AotVectors.byFile(file).bytes(), file);
    }

    private static boolean nativeTraps() {
        return BackendKind.NATIVE.unavailableReason(Isa.X86_64) == null
                && io.github.wasmaot.loader.backend.nativ.SignalTraps.available();
    }

    @Test
    void hostImagesRunNativelyAndQuietlyWhereNativeFaultsTrap() throws Exception {
        Assumptions.assumeTrue(nativeTraps(), "native backend with fault traps: x86-64 Linux");
        for (String file : new String[] {"features.wamr-2.4.x86_64.aot", "features.wamr-cba4c782.x86_64.aot"}) {
            BackendChoice choice = BackendChoice.forModule(open(file));
            assertEquals(BackendKind.NATIVE, choice.kind(), file);
            assertFalse(choice.notable(), file);
            assertEquals("host ISA; native code traps guard-page hits and stack overflows", choice.reason(), file);
        }
        byte[] image = io.github.wasmaot.compiler.AotCompiler.compile(StackArgumentsTest.module(), "no-memory.wasm",
                io.github.wasmaot.compiler.CompileOptions.of("wamr-2.4", "x86_64"));
        BackendChoice choice = BackendChoice.forModule(AotModule.open(image, "no-memory.aot"));
        assertEquals("host ISA; native code traps stack overflows", choice.reason());
    }

    @Test
    void otherIsasRunEmulatedAndSaySo() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.AARCH64);
        Assumptions.assumeFalse(Isa.host().orElse(null) == Isa.AARCH64, "aarch64 host");
        BackendChoice choice = BackendChoice.forModule(open("features.wamr-2.4.aarch64.aot"));
        assertEquals(BackendKind.EMULATED, choice.kind());
        assertTrue(choice.notable());
        assertEquals(BackendKind.NATIVE.unavailableReason(Isa.AARCH64), choice.reason());
    }

    @Test
    void aDeclaredEmptyMemoryIsNotMistakenForNoMemory() throws Exception {
        // wamrc gives a module without memory a placeholder one (no flags, no pages); (memory 0 0) is a real one
        Assumptions.assumeTrue(nativeTraps(), "native backend with fault traps: x86-64 Linux");
        byte[] memory00 = {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0x05, 0x04, 0x01, 0x01, 0x00, 0x00}; // (memory 0 0)
        for (String profile : new String[] {"wamr-cba4c782", "wamr-2.4"}) {
            byte[] image = io.github.wasmaot.compiler.AotCompiler.compile(memory00, "memory00.wasm",
                    io.github.wasmaot.compiler.CompileOptions.of(profile, "x86_64"));
            BackendChoice choice = BackendChoice.forModule(AotModule.open(image, "memory00.aot"));
            assertTrue(choice.reason().contains("guard-page hits"), profile + ": " + choice.reason());
        }
    }
}
