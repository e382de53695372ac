package io.github.wasmaot.format;

/** Root of the project's checked exceptions. */
public class WasmAotException extends Exception {
    private static final long serialVersionUID = 1L;

    public WasmAotException(String message) {
        super(message);
    }

    public WasmAotException(String message, Throwable cause) {
        super(message, cause);
    }
}
