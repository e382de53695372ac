package io.github.wasmaot.loader.host;

import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.ValueType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Function signatures in messages, and from an image's init-data function types. */
public final class Signatures {
    private Signatures() {
    }

    /** E.g. {@code (i32, i32) -> (i32)}; {@code () -> ()} for no parameters and no results. */
    public static String describe(FunctionSignature s) {
        return "(" + join(s.params()) + ") -> (" + join(s.results()) + ")";
    }

    private static String join(List<ValueType> types) {
        return types.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
