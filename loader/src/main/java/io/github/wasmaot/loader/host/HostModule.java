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
 * The host functions and globals of one import module name, e.g. {@code env}:
 * <pre>{@code
 * HostModule env = HostModule.builder("env")
 *     .function("debug", List.of(I32, I32), List.of(), HostFunction.ofVoid(c -> ...))
 *     .build();
 * }</pre>
 */
public final class HostModule {
    private final String name;
    private final Map<String, HostImport> functions;
    private final Map<String, HostGlobal> globals;

    private HostModule(String name, Map<String, HostImport> functions, Map<String, HostGlobal> globals) {
        this.name = name;
        this.functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        this.globals = Collections.unmodifiableMap(new LinkedHashMap<>(globals));
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

    public Optional<HostGlobal> global(String globalName) {
        return Optional.ofNullable(globals.get(globalName));
    }

    /** Collects functions; a name registered twice is an error. */
    public static final class Builder {
        private final String name;
        private final Map<String, HostImport> functions = new LinkedHashMap<>();
        private final Map<String, HostGlobal> globals = new LinkedHashMap<>();

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

        /** A global the module's importers get a copy of; a name registered twice is an error. */
        public Builder global(String globalName, HostGlobal global) {
            if (globals.putIfAbsent(globalName, Objects.requireNonNull(global, "global")) != null) {
                throw new IllegalArgumentException("host global (" + name + ", " + globalName
                        + ") is registered twice");
            }
            return this;
        }

        public HostModule build() {
            return new HostModule(name, functions, globals);
        }
    }
}
