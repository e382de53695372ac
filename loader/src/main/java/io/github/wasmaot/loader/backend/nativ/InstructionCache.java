package io.github.wasmaot.loader.backend.nativ;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.github.wasmaot.loader.Isa;

/**
 * Makes freshly written code visible to instruction fetch. x86-64 keeps caches coherent; AArch64 does not,
 * so the runtime flushes after relocating (os_icache_flush); here libgcc's {@code __clear_cache} does it.
 */
public final class InstructionCache {
    private InstructionCache() {
    }

    public static void flush(Isa isa, long address, long length) {
        if (isa != Isa.AARCH64) {
            return;
        }
        // by soname: JNA finds "gcc_s" only through `ldconfig -p` (there is no libgcc_s.so without libgcc-dev), and
        // its multiarch guess for aarch64 directories is wrong; the soname is what the dynamic loader resolves
        Function clear = NativeLibrary.getInstance("libgcc_s.so.1").getFunction("__clear_cache");
        clear.invokeVoid(new Object[] {new Pointer(address), new Pointer(address + length)});
    }
}
