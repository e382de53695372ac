package io.github.wasmaot.loader.backend.emulated;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * JNA binding of the parts of libunicorn 2 (Debian package libunicorn2, {@code libunicorn.so.2}) the loader
 * uses. Constants are in {@link UnicornConstants}.
 */
public interface UnicornLibrary extends Library {

    /** uc_cb_hookcode_t: (uc, address, size, user_data). */
    interface CodeHook extends Callback {
        void invoke(Pointer uc, long address, int size, Pointer userData);
    }

    /** uc_cb_eventmem_t: (uc, type, address, size, value, user_data) returning whether to continue. */
    interface MemEventHook extends Callback {
        boolean invoke(Pointer uc, int type, long address, int size, long value, Pointer userData);
    }

    /** uc_cb_hookmem_t: (uc, type, address, size, value, user_data), called before the access. */
    interface MemAccessHook extends Callback {
        void invoke(Pointer uc, int type, long address, int size, long value, Pointer userData);
    }

    int uc_open(int arch, int mode, PointerByReference uc);

    int uc_close(Pointer uc);

    int uc_ctl(Pointer uc, int control, Object... args);

    int uc_mem_map(Pointer uc, long address, long size, int perms);

    int uc_mem_unmap(Pointer uc, long address, long size);

    int uc_mem_protect(Pointer uc, long address, long size, int perms);

    int uc_mem_write(Pointer uc, long address, byte[] bytes, long size);

    int uc_mem_read(Pointer uc, long address, byte[] bytes, long size);

    int uc_reg_write(Pointer uc, int regid, long[] value);

    int uc_reg_read(Pointer uc, int regid, long[] value);

    int uc_emu_start(Pointer uc, long begin, long until, long timeout, long count);

    int uc_emu_stop(Pointer uc);

    int uc_hook_add(Pointer uc, LongByReference hook, int type, Callback callback, Pointer userData, long begin,
                    long end);

    int uc_hook_del(Pointer uc, long hook);

    String uc_strerror(int err);

    /** Loads the library: the development link name first, then the runtime soname. */
    static UnicornLibrary load() {
        UnsatisfiedLinkError first = null;
        for (String name : new String[] {"unicorn", "libunicorn.so.2"}) {
            try {
                return Native.load(name, UnicornLibrary.class);
            } catch (UnsatisfiedLinkError e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        throw first;
    }
}
