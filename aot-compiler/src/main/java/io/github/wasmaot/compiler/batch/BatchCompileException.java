package io.github.wasmaot.compiler.batch;

/** The batch as a whole cannot run: a source is unreadable or two sources would write the same image. */
public class BatchCompileException extends Exception {
    private static final long serialVersionUID = 1L;

    public BatchCompileException(String message) {
        super(message);
    }

    public BatchCompileException(String message, Throwable cause) {
        super(message, cause);
    }
}
