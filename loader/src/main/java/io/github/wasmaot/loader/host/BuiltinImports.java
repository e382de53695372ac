package io.github.wasmaot.loader.host;

import java.util.Optional;

/** Imports the loader itself serves (WASI preview1), consulted after the user's {@link HostImports}. */
@FunctionalInterface
public interface BuiltinImports {
    Optional<LinkedImport> lookup(String module, String name);

    static BuiltinImports none() {
        return (module, name) -> Optional.empty();
    }
}
