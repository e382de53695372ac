package io.github.wasmaot.loader.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host functions an instance may import, by module name. They take precedence over the loader's built-in
 * WASI functions (a host may serve {@code wasi_snapshot_preview1} names itself).
 */
public final class HostImports {
    private static final HostImports NONE = new HostImports(Map.of());

    private final Map<String, HostModule> modules;

    private HostImports(Map<String, HostModule> modules) {
        this.modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    public static HostImports none() {
        return NONE;
    }

    /** The given modules; two modules with one name are an error. */
    public static HostImports of(HostModule... modules) {
        return none().and(List.of(modules));
    }

    /** These modules plus {@code more}; a module name already present is an error. */
    public HostImports and(List<HostModule> more) {
        Map<String, HostModule> m = new LinkedHashMap<>(modules);
        for (HostModule module : more) {
            if (m.putIfAbsent(module.name(), module) != null) {
                throw new IllegalArgumentException("host module " + module.name() + " is registered twice");
            }
        }
        return new HostImports(m);
    }

    public HostImports and(HostModule module) {
        return and(List.of(module));
    }

    public Optional<HostImport> lookup(String module, String name) {
        return Optional.ofNullable(modules.get(module)).flatMap(m -> m.function(name));
    }

    public Optional<HostGlobal> lookupGlobal(String module, String name) {
        return Optional.ofNullable(modules.get(module)).flatMap(m -> m.global(name));
    }

    public List<HostModule> modules() {
        return new ArrayList<>(modules.values());
    }
}
