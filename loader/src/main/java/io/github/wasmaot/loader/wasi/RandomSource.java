package io.github.wasmaot.loader.wasi;

import java.security.SecureRandom;
import java.util.Random;

/** Where random_get takes its bytes: {@link #secure()} by default, injectable for deterministic runs. */
@FunctionalInterface
public interface RandomSource {
    void fill(byte[] buffer);

    /** The process-wide {@link SecureRandom} (thread-safe; created on first use, not per instance). */
    static RandomSource secure() {
        return buffer -> SecureRandomHolder.RANDOM.nextBytes(buffer);
    }

    /** A seeded, reproducible source (not for secrets). */
    static RandomSource seeded(long seed) {
        Random random = new Random(seed);
        return random::nextBytes;
    }
}
