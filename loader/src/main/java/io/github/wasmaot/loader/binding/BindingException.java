package io.github.wasmaot.loader.binding;

/**
 * A generated binding cannot run its module: no image for the profile on the classpath, an image whose SHA-256 or
 * profile differs from its manifest entry, an export whose signature differs from the binding's, or a loader
 * failure. Traps and WASI exits are not wrapped: they surface as the loader's own exceptions.
 */
public class BindingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BindingException(String message) {
        super(message);
    }

    public BindingException(String message, Throwable cause) {
        super(message, cause);
    }
}
