package io.github.wasmaot.loader.host;

import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.ValueType;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host functions of one import module name, e.g. {@code env}:
 * <pre>{@code
 * HostModule env = HostModule.builder("env")
 *     .function("debug", List.of(I32, I32), List.of(), HostFunction.ofVoid(c -> ...))
 *     .build();
 * }</pre>
 */
public final class HostModule {
    private final String name;
    private final Map<String, HostImport> functions;

    private HostModule(String name, Map<String, HostImport> functions) {
        this.name = name;
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public Optional<HostImport> function(String functionName) {
        return Optional.ofNullable(functions.get(functionName));
    }

    public Collection<HostImport> functions() {
        return functions.values();
    }

    /** Collects functions; a name registered twice is an error. */
    public static final class Builder {
        private final String name;
        private final Map<String, HostImport> functions = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder function(String functionName, FunctionSignature signature, HostFunction function) {
            HostImport f = new HostImport(name, functionName, signature, function);
            if (functions.putIfAbsent(functionName, f) != null) {
                throw new IllegalArgumentException("host function (" + name + ", " + functionName
                        + ") is registered twice");
            }
            return this;
        }

        /** Shorthand: parameter and result types as lists. */
        public Builder function(String functionName, List<ValueType> params, List<ValueType> results,
                                HostFunction function) {
            return function(functionName, new FunctionSignature(params, results), function);
        }

        public HostModule build() {
            return new HostModule(name, functions);
        }
    }
}
