package io.github.wasmaot.loader.wasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the WASI host gives a module: its argv (argv[0] first, as iwasm passes the file name), its environment
 * ("KEY=VALUE" entries in order, as iwasm's --env), where fds 0, 1 and 2 read and write, and its clocks and
 * random bytes, and the directories it may use (fds 3, 4, ... in order, as iwasm's {@code --dir} and
 * {@code --map-dir}; none by default), and the directory iwasm would run in (the JVM's by default): WAMR resolves
 * path_symlink's target and path_link's names against its process's working directory to refuse those leading
 * outside every preopen (validate_path, EBADF).
 */
public record WasiConfig(List<String> args, List<String> env, InputStream stdin, OutputStream stdout,
                         OutputStream stderr, WasiClock clock, RandomSource random, List<WasiPreopen> preopens,
                         Path workingDirectory) {
    public WasiConfig {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        preopens = List.copyOf(preopens);
        args = List.copyOf(args);
        env = List.copyOf(env);
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        for (String e : env) {
            if (e.indexOf('=') <= 0) {
                throw new IllegalArgumentException("environment entry \"" + e + "\" is not KEY=VALUE");
            }
        }
    }

    /** argv and stdout/stderr; no environment, an empty stdin, the system clocks, SecureRandom. */
    public WasiConfig(List<String> args, OutputStream stdout, OutputStream stderr) {
        this(args, List.of(), InputStream.nullInputStream(), stdout, stderr, WasiClock.system(),
                RandomSource.secure(), List.of(), currentDirectory());
    }

    /** argv with the JVM's stdin, stdout and stderr. */
    public static WasiConfig inheritIo(List<String> args) {
        return new WasiConfig(args, List.of(), System.in, System.out, System.err, WasiClock.system(),
                RandomSource.secure(), List.of(), currentDirectory());
    }

    public WasiConfig withArgs(List<String> newArgs) {
        return new WasiConfig(newArgs, env, stdin, stdout, stderr, clock, random, preopens, workingDirectory);
    }

    /** Replaces the environment with {@code vars} (in the map's iteration order). */
    public WasiConfig withEnv(Map<String, String> vars) {
        List<String> entries = new ArrayList<>();
        vars.forEach((k, v) -> entries.add(k + "=" + v));
        return new WasiConfig(args, entries, stdin, stdout, stderr, clock, random, preopens, workingDirectory);
    }

    /** Adds one variable after the existing ones. */
    public WasiConfig withEnv(String key, String value) {
        List<String> entries = new ArrayList<>(env);
        entries.add(key + "=" + value);
        return new WasiConfig(args, entries, stdin, stdout, stderr, clock, random, preopens, workingDirectory);
    }

    public WasiConfig withStdin(InputStream in) {
        return new WasiConfig(args, env, in, stdout, stderr, clock, random, preopens, workingDirectory);
    }

    public WasiConfig withStdout(OutputStream out) {
        return new WasiConfig(args, env, stdin, out, stderr, clock, random, preopens, workingDirectory);
    }

    public WasiConfig withStderr(OutputStream err) {
        return new WasiConfig(args, env, stdin, stdout, err, clock, random, preopens, workingDirectory);
    }

    /** Replaces the preopened directories. */
    public WasiConfig withPreopens(List<WasiPreopen> dirs) {
        return new WasiConfig(args, env, stdin, stdout, stderr, clock, random, dirs, workingDirectory);
    }

    /** Replaces the environment with "KEY=VALUE" entries, in order (iwasm's repeated {@code --env}). */
    public WasiConfig withEnvEntries(List<String> entries) {
        return new WasiConfig(args, entries, stdin, stdout, stderr, clock, random, preopens, workingDirectory);
    }

    /** Replaces the directory iwasm would have been started in. */
    public WasiConfig withWorkingDirectory(Path dir) {
        return new WasiConfig(args, env, stdin, stdout, stderr, clock, random, preopens, dir);
    }

    private static Path currentDirectory() {
        return Path.of("").toAbsolutePath();
    }

    public WasiConfig withClock(WasiClock c) {
        return new WasiConfig(args, env, stdin, stdout, stderr, c, random, preopens, workingDirectory);
    }

    public WasiConfig withRandom(RandomSource r) {
        return new WasiConfig(args, env, stdin, stdout, stderr, clock, r, preopens, workingDirectory);
    }
}
