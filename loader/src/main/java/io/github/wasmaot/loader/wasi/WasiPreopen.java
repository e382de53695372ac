package io.github.wasmaot.loader.wasi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory the module may use, under the name wasi-libc resolves its paths against: iwasm's
 * {@code --dir=DIR} (guest name DIR, host directory DIR) and {@code --map-dir=GUEST::HOST}.
 */
public record WasiPreopen(String guestPath, Path hostPath) {
    public WasiPreopen {
        Objects.requireNonNull(guestPath, "guestPath");
        Objects.requireNonNull(hostPath, "hostPath");
        if (guestPath.isEmpty()) {
            throw new IllegalArgumentException("preopened directory with an empty guest path");
        }
    }

    /** iwasm's {@code --dir=DIR}: the guest sees the directory under the name given. */
    public static WasiPreopen dir(String dir) {
        if (dir == null || dir.isEmpty()) {
            throw new IllegalArgumentException("--dir needs a directory");
        }
        return new WasiPreopen(dir, Path.of(dir));
    }

    /** iwasm's {@code --map-dir=GUEST::HOST}. */
    public static WasiPreopen mapDir(String mapping) {
        int sep = mapping == null ? -1 : mapping.indexOf("::");
        if (sep <= 0 || sep + 2 >= mapping.length()) {
            throw new IllegalArgumentException("--map-dir=" + mapping + " is not GUEST::HOST");
        }
        return new WasiPreopen(mapping.substring(0, sep), Path.of(mapping.substring(sep + 2)));
    }
}
