package io.github.wasmaot.loader;

import io.github.wasmaot.format.WasmAotException;

/** The image cannot be loaded or instantiated (wrong profile or ISA, unsupported relocation, ...). */
public final class LoaderException extends WasmAotException {
    private static final long serialVersionUID = 1L;

    public LoaderException(String message) {
        super(message);
    }

    public LoaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
