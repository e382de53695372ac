package io.github.wasmaot.loader.wasi;

import java.security.SecureRandom;

/** Lazy holder: instantiating a module must not pay for seeding a SecureRandom it may never use. */
final class SecureRandomHolder {
    static final SecureRandom RANDOM = new SecureRandom();

    private SecureRandomHolder() {
    }
}
