package io.github.wasmaot.loader.run;

import io.github.wasmaot.loader.wasi.WasiPreopen;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a WASI command gets besides its arguments, as iwasm's options give it: preopened directories
 * ({@code --dir=DIR} then {@code --map-dir=GUEST::HOST}, fds 3, 4, ... in that order), environment entries
 * ({@code --env=NAME=VALUE}, in order) and what fd 0 reads.
 *
 * @param preopens the directories the program may use; nothing else on the host is reachable
 * @param env      "NAME=VALUE" entries
 * @param stdin    what the program reads from fd 0 (empty input by default)
 * @param workingDirectory the directory iwasm would run in (relative preopen names and symlink targets are
 *                 checked against it, as WAMR's validate_path does); null for the JVM's
 */
public record WasiOptions(List<WasiPreopen> preopens, List<String> env, InputStream stdin, Path workingDirectory) {
    public static final WasiOptions NONE = new WasiOptions(List.of(), List.of(), InputStream.nullInputStream());

    public WasiOptions(List<WasiPreopen> preopens, List<String> env, InputStream stdin) {
        this(preopens, env, stdin, null);
    }

    public WasiOptions {
        workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory;
        preopens = preopens == null ? List.of() : List.copyOf(preopens);
        env = env == null ? List.of() : List.copyOf(env);
        stdin = stdin == null ? InputStream.nullInputStream() : stdin;
        for (String e : env) {
            if (e.indexOf('=') <= 0) {
                throw new IllegalArgumentException("--env=" + e + " is not NAME=VALUE");
            }
        }
    }

    /**
     * From iwasm-style option values: {@code dirs} as {@code --dir=DIR}, {@code mapDirs} as
     * {@code --map-dir=GUEST::HOST}, {@code env} as {@code --env=NAME=VALUE}; nulls are empty.
     *
     * @throws IllegalArgumentException for a map that is not GUEST::HOST or an entry that is not NAME=VALUE
     */
    public static WasiOptions of(List<String> dirs, List<String> mapDirs, List<String> env, InputStream stdin) {
        List<WasiPreopen> preopens = new ArrayList<>();
        for (String d : dirs == null ? List.<String>of() : dirs) {
            preopens.add(WasiPreopen.dir(d));
        }
        for (String m : mapDirs == null ? List.<String>of() : mapDirs) {
            preopens.add(WasiPreopen.mapDir(m));
        }
        return new WasiOptions(preopens, env, stdin);
    }

    public WasiOptions withStdin(InputStream in) {
        return new WasiOptions(preopens, env, Objects.requireNonNull(in, "stdin"), workingDirectory);
    }

    public WasiOptions withWorkingDirectory(Path dir) {
        return new WasiOptions(preopens, env, stdin, dir);
    }
}
