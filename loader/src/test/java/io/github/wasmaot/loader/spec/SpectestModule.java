package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.host.HostFunction;
import io.github.wasmaot.loader.host.HostGlobal;
import io.github.wasmaot.loader.host.HostModule;
import io.github.wasmaot.spec.SpectestHost;
import java.util.List;

/**
 * The {@code spectest} functions ({@link SpectestHost#FUNCTIONS}) and globals as loader host imports. The
 * functions print nothing: the spec tests only check that they can be called. The table and memory are not
 * here: the loader does not link imported tables and memories yet.
 */
final class SpectestModule {
    static final String NAME = SpectestHost.MODULE_NAME;

    private SpectestModule() {
    }

    static HostModule create() {
        HostModule.Builder b = HostModule.builder(NAME);
        for (SpectestHost.HostFunction f : SpectestHost.FUNCTIONS) {
            List<ValueType> params = f.params().stream().map(SpectestModule::type).toList();
            b.function(f.name(), params, List.of(), HostFunction.ofVoid(call -> { }));
        }
        b.global("global_i32", HostGlobal.constant(SpecValues.toLoader(SpectestHost.GLOBAL_I32)));
        b.global("global_i64", HostGlobal.constant(SpecValues.toLoader(SpectestHost.GLOBAL_I64)));
        b.global("global_f32", HostGlobal.constant(SpecValues.toLoader(SpectestHost.GLOBAL_F32)));
        b.global("global_f64", HostGlobal.constant(SpecValues.toLoader(SpectestHost.GLOBAL_F64)));
        return b.build();
    }

    private static ValueType type(String name) {
        return switch (name) {
            case "i32" -> ValueType.I32;
            case "i64" -> ValueType.I64;
            case "f32" -> ValueType.F32;
            case "f64" -> ValueType.F64;
            default -> throw new IllegalArgumentException("spectest parameter type " + name);
        };
    }
}
