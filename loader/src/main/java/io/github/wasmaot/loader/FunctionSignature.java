package io.github.wasmaot.loader;

import io.github.wasmaot.format.section.init.FuncType;
import java.util.ArrayList;
import java.util.List;

/** Parameter and result types of a Wasm function. */
public record FunctionSignature(List<ValueType> params, List<ValueType> results) {
    public FunctionSignature {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** From an init-data function type: {@code paramCount} param type codes, then the result codes. */
    public static FunctionSignature of(FuncType type) throws LoaderException {
        byte[] codes = type.types();
        List<ValueType> params = new ArrayList<>();
        List<ValueType> results = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i] & 0xff;
            ValueType t = ValueType.ofAbiCode(code).orElseThrow(() -> new LoaderException(
                    "value type 0x" + Integer.toHexString(code) + " is not supported by the loader yet"));
            (i < type.paramCount() ? params : results).add(t);
        }
        return new FunctionSignature(params, results);
    }
}
