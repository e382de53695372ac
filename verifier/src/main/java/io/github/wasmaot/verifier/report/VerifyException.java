package io.github.wasmaot.verifier.report;

/** A batch verification could not run: unknown runtime profile, missing or unreadable input, no images. */
public class VerifyException extends Exception {
    private static final long serialVersionUID = 1L;

    public VerifyException(String message) {
        super(message);
    }

    public VerifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
