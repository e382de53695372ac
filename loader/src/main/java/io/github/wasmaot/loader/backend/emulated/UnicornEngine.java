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
    /** The library's {@code uc_wasmaot_direct_window}, or null (see {@link #directWindow}). */
    private final com.sun.jna.Function directWindow;
    /** Callbacks must stay reachable while the engine lives, or JNA frees their trampolines. */
    private final List<Object> liveCallbacks = new ArrayList<>();
    private boolean closed;

    private UnicornEngine(UnicornLibrary lib, Pointer uc, com.sun.jna.Function directWindow) {
        this.lib = lib;
        this.uc = uc;
        this.directWindow = directWindow;
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
        UnicornLibrary.Libraries.Loaded loaded = UnicornLibrary.Libraries.DEFAULT.forArch(arch)
                .orElseThrow(() -> new UnicornException(unavailableReason(arch), UnicornConstants.UC_ERR_ARCH));
        UnicornLibrary lib = loaded.lib();
        PointerByReference ref = new PointerByReference();
        check(lib, lib.uc_open(arch, mode, ref), "uc_open");
        UnicornEngine engine = new UnicornEngine(lib, ref.getValue(), loaded.directWindow());
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

    /** Maps guest pages backed by host memory at {@code host}, which must stay mapped while they are. */
    public void mapPtr(long address, long size, int perms, long host) {
        check(lib, lib.uc_mem_map_ptr(uc, address, size, perms, new Pointer(host)),
                "uc_mem_map_ptr(0x" + Long.toHexString(address) + ")");
    }

    /**
     * Whether the library can give translated code a direct window ({@link #directWindow}): the patched build on an
     * x86-64 Linux host (see {@code UnicornLibrary.Libraries.directWindow}).
     */
    public boolean hasDirectWindow() {
        return directWindow != null;
    }

    /**
     * Lets translated code reach guest {@code [address, address+size)} at host {@code host + (guest - address)}
     * without Unicorn's TLB lookup, as qemu-user reaches its guest; accesses not wholly inside take the usual path.
     * The range must be read+write, non-executable pages mapped with {@link #mapPtr} from that host memory. A
     * protect or unmap of any page in it ends the window; size 0 ends it.
     */
    public void directWindow(long address, long size, long host) {
        check(lib, directWindow.invokeInt(new Object[] {uc, address, size, new Pointer(host)}),
                "uc_wasmaot_direct_window(0x" + Long.toHexString(address) + ")");
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
