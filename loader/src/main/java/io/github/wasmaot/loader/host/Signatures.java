package io.github.wasmaot.loader.host;

import io.github.wasmaot.format.section.init.FuncType;
import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.ValueType;
import java.util.ArrayList;
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

    /** An init-data function type: {@code paramCount} parameter type codes, then the result codes. */
    public static FunctionSignature of(FuncType type) throws LoaderException {
        byte[] codes = type.types();
        List<ValueType> params = new ArrayList<>();
        List<ValueType> results = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i] & 0xff;
            ValueType t = ValueType.ofCode(code).orElseThrow(() -> new LoaderException(
                    "value type 0x" + Integer.toHexString(code) + " is not supported by the loader yet"));
            (i < type.paramCount() ? params : results).add(t);
        }
        return new FunctionSignature(params, results);
    }
}
