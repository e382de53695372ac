package io.github.wasmaot.loader.backend;

import io.github.wasmaot.loader.ValueType;
import java.util.List;
import java.util.Optional;

/**
 * The C signature of a runtime helper the AOT code calls: parameter types (pointers are {@link ValueType#I64})
 * and an optional result.
 */
public record HostSignature(List<ValueType> params, Optional<ValueType> result) {
    public HostSignature {
        params = List.copyOf(params);
    }

    public static HostSignature of(ValueType result, ValueType... params) {
        return new HostSignature(List.of(params), Optional.ofNullable(result));
    }
}
