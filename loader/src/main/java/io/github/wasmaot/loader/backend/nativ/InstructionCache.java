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
        Function clear = NativeLibrary.getInstance("gcc_s").getFunction("__clear_cache");
        clear.invokeVoid(new Object[] {new Pointer(address), new Pointer(address + length)});
    }
}
