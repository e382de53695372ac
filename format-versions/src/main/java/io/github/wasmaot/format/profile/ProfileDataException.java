package io.github.wasmaot.format.profile;

/** The profile or loader-facts resources shipped with the project are missing or malformed. */
public final class ProfileDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProfileDataException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProfileDataException(String message) {
        super(message);
    }
}
