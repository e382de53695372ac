package io.github.wasmaot.wasm.model;

import java.util.List;

/** A function type {@code [params] -> [results]}. */
public record FuncType(List<ValType> params, List<ValType> results) {
    public FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    @Override
    public String toString() {
        return params + " -> " + results;
    }
}
