package io.github.wasmaot.bundle;

import java.util.List;

/**
 * How an image was compiled, recorded in the bundle manifest when known.
 *
 * @param version compiler name and version as the build knows it (e.g. {@code wamrc 2.4.4}), or null
 * @param options compiler options in order (e.g. {@code --target=x86_64}, {@code --bounds-checks=1}); never null
 */
public record CompilerInfo(String version, List<String> options) {
    public CompilerInfo {
        version = version == null || version.isBlank() ? null : version.trim();
        options = options == null ? List.of() : options.stream().filter(o -> o != null && !o.isBlank())
                .map(String::trim).toList();
    }

    /** True when neither a version nor an option is known. */
    public boolean isEmpty() {
        return version == null && options.isEmpty();
    }
}
