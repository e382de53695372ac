package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.model.LocalGroup;
import io.github.wasmaot.wasm.model.ValType;
import java.util.List;

/** The local index space of a function: parameters, then the declared (run-length encoded) locals. */
final class Locals {

    private final List<ValType> params;
    private final List<LocalGroup> groups;

    Locals(List<ValType> params, List<LocalGroup> groups) {
        this.params = params;
        this.groups = groups;
    }

    ValType type(long index) {
        if (index < params.size()) {
            return params.get((int) index);
        }
        long rest = index - params.size();
        for (LocalGroup g : groups) {
            if (rest < g.count()) {
                return g.type();
            }
            rest -= g.count();
        }
        throw new ValidationFailure("unknown local " + index);
    }
}
