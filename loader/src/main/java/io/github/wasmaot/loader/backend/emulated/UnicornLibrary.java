package io.github.wasmaot.loader.backend.emulated;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * JNA binding of the parts of libunicorn 2 the loader uses (the patched 2.1.4 and the 2.0.1 builds that come with
 * the loader, the system's {@code libunicorn.so.2}, or a configured build: see {@link UnicornNatives}). Constants are in
 * {@link UnicornConstants}; every one the loader uses has the same value in 2.0.1 and 2.1.4 (2.1 only appended enum
 * members), and the functions bound here kept their signatures ({@code uc_mem_read}/{@code uc_mem_write} sizes went
 * from {@code size_t} to {@code uint64_t}, the same width on the 64-bit hosts the loader runs on).
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

    int uc_open(int arch, int mode, PointerByReference uc);

    int uc_close(Pointer uc);

    int uc_ctl(Pointer uc, int control, Object... args);

    int uc_mem_map(Pointer uc, long address, long size, int perms);

    int uc_mem_unmap(Pointer uc, long address, long size);

    /** Maps guest pages backed by the host memory at {@code ptr} (the caller keeps it mapped while they are). */
    int uc_mem_map_ptr(Pointer uc, long address, long size, int perms, Pointer ptr);

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

    boolean uc_arch_supported(int arch);

    /**
     * {@code (major << 24) | (minor << 16) | (patch << 8) | extra} (extra 255 for a release), in 2.0.1 as in 2.1.x;
     * {@code major} and {@code minor} may be null.
     */
    int uc_version(Pointer major, Pointer minor);

    /** Unicorn's packed version as {@code 2.1.4} (with {@code -rcN} when it is not a release). */
    static String versionText(int version) {
        String text = (version >>> 24) + "." + ((version >>> 16) & 0xff) + "." + ((version >>> 8) & 0xff);
        int extra = version & 0xff;
        return extra == 255 ? text : text + "-rc" + extra;
    }

    /** The Unicorn libraries this process can use, each loaded once, and which one serves each architecture. */
    final class Libraries {
        /**
         * A loaded library, where it came from, its {@link #uc_version}, which of the loader's architectures it
         * emulates, and its {@code uc_wasmaot_direct_window} where it has one and this host can use it (else null).
         */
        record Loaded(UnicornLibrary lib, String description, int version, java.util.Set<Integer> archs,
                      com.sun.jna.Function directWindow) {
            /** A library without {@code uc_wasmaot_direct_window}. */
            Loaded(UnicornLibrary lib, String description, int version, java.util.Set<Integer> archs) {
                this(lib, description, version, archs, null);
            }

            /** Where it came from and its version, for messages: {@code bundled … (Unicorn 2.0.1)}. */
            String describe() {
                return description + " (Unicorn " + versionText(version) + ")";
            }
        }

        /** Oldest Unicorn the binding works with: uc_ctl and the 2.x enum values appeared in 2.0.0. */
        static final int MINIMUM_VERSION = 2 << 24;

        /** The Unicorn architectures the loader emulates, with their names for messages. */
        private static final java.util.Map<Integer, String> ARCHS = java.util.Map.of(
                UnicornConstants.UC_ARCH_X86, "x86", UnicornConstants.UC_ARCH_ARM64, "arm64");

        /** The libraries of {@link UnicornNatives#candidates()}, which every engine uses. */
        static final Libraries DEFAULT = new Libraries(UnicornNatives::candidates);

        private final java.util.function.Supplier<java.util.List<UnicornNatives.Candidate>> candidates;
        private final java.util.List<Loaded> loadedLibs = new java.util.ArrayList<>();
        private final java.util.List<String> failed = new java.util.ArrayList<>();
        private boolean loaded;

        Libraries(java.util.function.Supplier<java.util.List<UnicornNatives.Candidate>> candidates) {
            this.candidates = candidates;
        }

        /**
         * The library of {@link UnicornNatives#candidates()} (a configured path alone, else the bundled builds and
         * the system's library) that emulates {@code arch}, or empty: see {@link #choose}. Each
         * library is opened with {@code RTLD_LOCAL}, so two builds (a bundled ARM-only one and the system's) can
         * serve different architectures in one process without one's symbols resolving into the other.
         */
        synchronized java.util.Optional<Loaded> forArch(int arch) {
            loadAll();
            return choose(loadedLibs, arch);
        }

        /**
         * Of the libraries that emulate {@code arch}, the newest by {@link #uc_version}; of equal versions the
         * earlier candidate. A newer Unicorn is preferred because it is faster here (docs/performance.md, "Unicorn
         * versions"): 2.0.1 sends every guest store through its softmmu's slow path and there locks and invalidates
         * translated code for the page; 2.1.x still takes the slow path but skips that work on pages that are not
         * executable; a build with upstream's "TLB_NOTDIRTY only for executable pages" (#2337, after 2.1.4), such
         * as the patched 2.1.4 bundled for linux-x86_64, keeps stores to data pages in translated code.
         */
        static java.util.Optional<Loaded> choose(java.util.List<Loaded> libs, int arch) {
            Loaded best = null;
            for (Loaded l : libs) {
                if (l.archs().contains(arch) && (best == null || Integer.compareUnsigned(l.version(), best.version()) > 0)) {
                    best = l;
                }
            }
            return java.util.Optional.ofNullable(best);
        }

        /** What was tried: each library with the architectures it emulates, or why it did not load. */
        synchronized String tried() {
            loadAll();
            java.util.List<String> parts = new java.util.ArrayList<>();
            for (Loaded l : loadedLibs) {
                parts.add(l.describe() + " emulates " + archNames(l.archs()));
            }
            parts.addAll(failed);
            return String.join("; ", parts);
        }

        private static String archNames(java.util.Set<Integer> archs) {
            java.util.List<String> names = archs.stream().sorted().map(ARCHS::get).toList();
            return names.isEmpty() ? "neither x86 nor arm64" : String.join(" and ", names);
        }

        private void loadAll() {
            if (loaded) {
                return;
            }
            loaded = true;
            java.util.Set<String> paths = new java.util.HashSet<>();
            for (UnicornNatives.Candidate c : candidates.get()) {
                while (c != null && !load(c, paths) && c.fallback() != null) {
                    c = c.fallback().get();
                }
            }
        }

        /** Loads {@code c} unless it is a file already loaded; false when it cannot serve (the reason is kept). */
        private boolean load(UnicornNatives.Candidate c, java.util.Set<String> paths) {
            if (c.jnaName() == null) {
                failed.add(c.description());
                return false;
            }
            try {
                // the same options for both calls: JNA keys its open libraries by name and options, so the
                // interface binds to this RTLD_LOCAL handle rather than opening the library a second time
                java.util.Map<String, Object> options = java.util.Map.of(Library.OPTION_OPEN_FLAGS,
                        RTLD_LAZY_LOCAL);
                com.sun.jna.NativeLibrary handle = com.sun.jna.NativeLibrary.getInstance(c.jnaName(), options);
                UnicornLibrary lib = Native.load(c.jnaName(), UnicornLibrary.class, options);
                String file = handle.getFile() == null ? c.jnaName() : handle.getFile().getAbsolutePath();
                if (paths.add(file)) {
                    int version = lib.uc_version(null, null);
                    if (Integer.compareUnsigned(version, MINIMUM_VERSION) < 0) {
                        failed.add(c.description() + ": Unicorn " + versionText(version)
                                + ", the loader needs Unicorn 2");
                        return false;
                    }
                    java.util.Set<Integer> archs = new java.util.HashSet<>();
                    ARCHS.keySet().stream().filter(lib::uc_arch_supported).forEach(archs::add);
                    loadedLibs.add(new Loaded(lib, c.description(), version, java.util.Set.copyOf(archs),
                            directWindow(handle)));
                }
                return true;
            } catch (UnsatisfiedLinkError e) {
                failed.add(c.description() + ": " + whyNotLoaded(e));
                return false;
            }
        }

        /**
         * "not found", or the dynamic linker's reason when the file is there but cannot be loaded, e.g.
         * {@code cannot be loaded: version `GLIBC_2.34' not found} for the patched build on an older glibc, or that a
         * library that loads lacks Unicorn's functions.
         */
        static String whyNotLoaded(UnsatisfiedLinkError e) {
            String message = String.valueOf(e.getMessage());
            java.util.regex.Matcher version = java.util.regex.Pattern.compile("version `[^']+' not found")
                    .matcher(message);
            if (version.find()) {
                return "cannot be loaded: " + version.group();
            }
            java.util.regex.Matcher function = java.util.regex.Pattern.compile("Error looking up function '([^']+)'")
                    .matcher(message);
            if (function.find()) {
                return "not a Unicorn library (no " + function.group(1) + ")";
            }
            return message.contains("wrong ELF class") || message.contains("invalid ELF header")
                    ? "cannot be loaded: not a library for this host" : "not found";
        }

        /**
         * {@code uc_wasmaot_direct_window} of tools/unicorn's patch ({@code unicorn-2.1.4-wasm-aot-experimental.patch},
         * which the bundled linux-x86_64 build carries), or null for a library without it (2.0.1, the system's) and on
         * hosts other than x86-64 Linux: the patch emits the window check for x86-64 hosts only, and the emulated
         * backend's host memory for the window comes from Linux mmap.
         */
        private static com.sun.jna.Function directWindow(com.sun.jna.NativeLibrary handle) {
            if (!"linux_64".equals(UnicornNatives.hostPlatform())) {
                return null;
            }
            try {
                return handle.getFunction("uc_wasmaot_direct_window");
            } catch (UnsatisfiedLinkError e) {
                return null;
            }
        }

        /** dlopen flags: RTLD_LAZY, without RTLD_GLOBAL (JNA's default adds it). */
        private static final int RTLD_LAZY_LOCAL = 1;
    }
}
