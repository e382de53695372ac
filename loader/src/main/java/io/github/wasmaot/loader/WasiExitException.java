package io.github.wasmaot.loader;

/** The module called WASI proc_exit: not a trap, the program ended with {@link #exitCode()}. */
public final class WasiExitException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public WasiExitException(int exitCode) {
        super("wasi proc exit " + exitCode);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
