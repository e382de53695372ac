package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.loader.backend.HostFunction;
import io.github.wasmaot.loader.backend.HostSignature;
import java.util.function.ToLongFunction;

/** A runtime helper implemented by a Java function over the raw argument bits. */
record JavaHelper(String name, HostSignature signature, ToLongFunction<long[]> body) implements HostFunction {
    @Override
    public long call(long[] args) {
        return body.applyAsLong(args);
    }
}
