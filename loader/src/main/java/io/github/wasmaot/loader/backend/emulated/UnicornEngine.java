package io.github.wasmaot.loader.backend.emulated;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;

/** One Unicorn emulator instance: memory, registers, hooks, runs. Not thread-safe. */
public final class UnicornEngine implements AutoCloseable {
    private final UnicornLibrary lib;
    private final Pointer uc;
    /** Callbacks must stay reachable while the engine lives, or JNA frees their trampolines. */
    private final List<Object> liveCallbacks = new ArrayList<>();
    private boolean closed;

    private UnicornEngine(UnicornLibrary lib, Pointer uc) {
        this.lib = lib;
        this.uc = uc;
    }

    /** Why no Unicorn library here emulates {@code arch} (with every library tried), or null when one does. */
    public static String unavailableReason(int arch) {
        if (UnicornLibrary.Libraries.DEFAULT.forArch(arch).isPresent()) {
            return null;
        }
        return "no Unicorn library here emulates " + (arch == UnicornConstants.UC_ARCH_X86 ? "x86_64" : "aarch64")
                + " (" + UnicornLibrary.Libraries.DEFAULT.tried() + ")";
    }

    /**
     * Which library emulates {@code arch} (configured, bundled build or system library) and its version, as
     * {@code bundled io/github/wasmaot/loader/unicorn/linux-x86_64/libunicorn.so.2.gz (…) (Unicorn 2.1.4)}, or null
     * when none does.
     */
    public static String libraryDescription(int arch) {
        return UnicornLibrary.Libraries.DEFAULT.forArch(arch).map(UnicornLibrary.Libraries.Loaded::describe).orElse(null);
    }

    public static UnicornEngine open(int arch, int mode, int cpuModel) {
        UnicornLibrary lib = UnicornLibrary.Libraries.DEFAULT.forArch(arch).map(UnicornLibrary.Libraries.Loaded::lib)
                .orElseThrow(() -> new UnicornException(unavailableReason(arch), UnicornConstants.UC_ERR_ARCH));
        PointerByReference ref = new PointerByReference();
        check(lib, lib.uc_open(arch, mode, ref), "uc_open");
        UnicornEngine engine = new UnicornEngine(lib, ref.getValue());
        check(lib, lib.uc_ctl(engine.uc, UnicornConstants.UC_CTL_CPU_MODEL_WRITE, cpuModel), "uc_ctl(cpu model)");
        return engine;
    }

    private static void check(UnicornLibrary lib, int err, String what) {
        if (err != UnicornConstants.UC_ERR_OK) {
            throw new UnicornException(what + " failed: " + lib.uc_strerror(err) + " (" + err + ")", err);
        }
    }

    public void map(long address, long size, int perms) {
        check(lib, lib.uc_mem_map(uc, address, size, perms), "uc_mem_map(0x" + Long.toHexString(address) + ")");
    }

    public void protect(long address, long size, int perms) {
        check(lib, lib.uc_mem_protect(uc, address, size, perms), "uc_mem_protect");
    }

    public void unmap(long address, long size) {
        check(lib, lib.uc_mem_unmap(uc, address, size), "uc_mem_unmap");
    }

    public void write(long address, byte[] data) {
        if (data.length > 0) {
            check(lib, lib.uc_mem_write(uc, address, data, data.length),
                    "uc_mem_write(0x" + Long.toHexString(address) + ")");
        }
    }

    public byte[] read(long address, int length) {
        byte[] out = new byte[length];
        if (length > 0) {
            check(lib, lib.uc_mem_read(uc, address, out, length),
                    "uc_mem_read(0x" + Long.toHexString(address) + ")");
        }
        return out;
    }

    public void writeRegister(int reg, long value) {
        check(lib, lib.uc_reg_write(uc, reg, new long[] {value}), "uc_reg_write(" + reg + ")");
    }

    /** Writes a 128-bit vector register (low half {@code low}, high half zero). */
    public void writeVectorRegister(int reg, long low) {
        check(lib, lib.uc_reg_write(uc, reg, new long[] {low, 0L}), "uc_reg_write(" + reg + ")");
    }

    public long readRegister(int reg) {
        long[] v = new long[1];
        check(lib, lib.uc_reg_read(uc, reg, v), "uc_reg_read(" + reg + ")");
        return v[0];
    }

    public long readVectorRegisterLow(int reg) {
        long[] v = new long[2];
        check(lib, lib.uc_reg_read(uc, reg, v), "uc_reg_read(" + reg + ")");
        return v[0];
    }

    public void hookCode(long begin, long end, UnicornLibrary.CodeHook hook) {
        liveCallbacks.add(hook);
        check(lib, lib.uc_hook_add(uc, new LongByReference(), UnicornConstants.UC_HOOK_CODE, hook, null, begin, end),
                "uc_hook_add(code)");
    }

    public void hookInvalidMemory(UnicornLibrary.MemEventHook hook) {
        liveCallbacks.add(hook);
        check(lib, lib.uc_hook_add(uc, new LongByReference(),
                UnicornConstants.UC_HOOK_MEM_UNMAPPED | UnicornConstants.UC_HOOK_MEM_PROT, hook, null, 1, 0),
                "uc_hook_add(mem)");
    }

    /**
     * Runs from {@code begin} until the pc reaches {@code until}, {@link #stop} is called or a hook stops it; returns
     * Unicorn's error code. Time limits are the caller's (EmulatedBackend arms the JVM's one Watchdog with
     * {@link #stop}): Unicorn's own timeout starts and joins a polling thread per call.
     */
    public int run(long begin, long until) {
        return lib.uc_emu_start(uc, begin, until, 0, 0);
    }

    public void stop() {
        lib.uc_emu_stop(uc);
    }

    public String errorText(int err) {
        return lib.uc_strerror(err);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lib.uc_close(uc);
            liveCallbacks.clear();
        }
    }
}
