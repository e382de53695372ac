package io.github.wasmaot.loader.wasi;

/** The wasi_snapshot_preview1 errno values the loader answers (wasi-libc's __WASI_ERRNO_*). */
public final class WasiErrno {
    public static final int SUCCESS = 0;
    public static final int BADF = 8;
    public static final int FAULT = 21;
    public static final int INVAL = 28;
    public static final int IO = 29;
    public static final int NOSYS = 52;
    public static final int NOTDIR = 54;
    public static final int NOTSOCK = 57;
    public static final int SPIPE = 70;

    private WasiErrno() {
    }
}
