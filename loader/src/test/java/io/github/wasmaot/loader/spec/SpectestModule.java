package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.host.HostFunction;
import io.github.wasmaot.loader.host.HostModule;
import io.github.wasmaot.spec.SpectestHost;
import java.util.List;

/**
 * The {@code spectest} functions ({@link SpectestHost#FUNCTIONS}) as loader host functions. They print
 * nothing: the spec tests only check that they can be called.
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
