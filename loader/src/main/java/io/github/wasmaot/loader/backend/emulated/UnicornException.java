package io.github.wasmaot.loader.backend.emulated;

/** A Unicorn API call failed (not a guest fault: those are reported by the backend as memory faults). */
public final class UnicornException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int error;

    public UnicornException(String message, int error) {
        super(message);
        this.error = error;
    }

    public int error() {
        return error;
    }
}
