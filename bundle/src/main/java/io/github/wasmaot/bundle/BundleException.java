package io.github.wasmaot.bundle;

/**
 * A bundle could not be made: no or misplaced images, an image that is not what its directory says, an
 * unreadable input, an archive that cannot be written.
 */
public class BundleException extends Exception {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
