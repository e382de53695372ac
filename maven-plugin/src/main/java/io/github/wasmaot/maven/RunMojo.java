package io.github.wasmaot.maven;

import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.run.BackendPreference;
import io.github.wasmaot.loader.run.RunRequest;
import io.github.wasmaot.loader.run.RunResult;
import io.github.wasmaot.loader.run.Runner;
import io.github.wasmaot.loader.run.WasiOptions;
import io.github.wasmaot.loader.wasi.WasiPreopen;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Smoke test: runs an AOT image once through the loader, as {@code wasm-aot run} and iwasm do: its WASI command
 * ({@code _start}) or one export. Logs the backend the loader chose and why, then what iwasm would print (results
 * in iwasm's format, {@code 0x5:i32}; a trap as {@code Exception: integer divide by zero}), and fails the build when
 * the output or exit code is not the expected one: by default any exit code but 0 (a trap is 1) fails.
 */
@Mojo(name = "run", threadSafe = true, requiresProject = false)
public class RunMojo extends AbstractMojo {

    /** The AOT image to run. Relative paths resolve against the project's base directory. */
    @Parameter(property = "wasm-aot.run.image", required = true)
    File image;

    /**
     * Export to call with {@code args}, as iwasm's {@code -f}. Unset: run the WASI command ({@code _start}) with
     * {@code args} as its program arguments.
     */
    @Parameter(property = "wasm-aot.run.invoke")
    String invoke;

    /**
     * Arguments: the export's, in iwasm's formats ({@code 2}, {@code 0x10}, {@code -1}, {@code 1.5}), or the
     * program's (argv[1..]). On the command line, comma-separated.
     */
    @Parameter(property = "wasm-aot.run.args")
    List<String> args;

    /**
     * Backend: {@code auto} (the loader chooses and says why: native only for a host-ISA image without linear
     * memory), {@code native} or {@code emulated} (Unicorn, needs libunicorn.so.2).
     */
    @Parameter(property = "wasm-aot.run.backend", defaultValue = "auto")
    String backend;

    /** App heap size in bytes, as iwasm's {@code --heap-size}. Unset: the runtime profile's iwasm default. */
    @Parameter(property = "wasm-aot.run.heapSize")
    Long heapSize;

    /**
     * Longest the run may take, in seconds (fractions allowed); a run stopped by it traps with "Exception: execution
     * timed out" (exit code 1). Unset: no limit.
     */
    @Parameter(property = "wasm-aot.run.timeout")
    String timeout;

    /** Runtime profile to load the image as (name or alias, e.g. {@code legacy}). Unset: detected from the image. */
    @Parameter(property = "wasm-aot.run.runtime")
    String runtime;

    /**
     * Expected output (what iwasm prints: the program's stdout, then the results or the trap text). Compared line by
     * line, ignoring each line's leading and trailing blanks and blank lines at either end. Unset: not checked.
     */
    @Parameter(property = "wasm-aot.run.expectedOutput")
    String expectedOutput;

    /**
     * Expected exit code (iwasm's: the program's {@code proc_exit} code, 1 after a trap, else 0). Unset: anything but
     * 0 fails the build.
     */
    @Parameter(property = "wasm-aot.run.expectedExitCode")
    Integer expectedExitCode;

    /**
     * Host directories the WASI program may use, each preopened under the name written, as iwasm's
     * {@code --dir=DIR} (relative ones resolve against the project's base directory). On the command line,
     * comma-separated ({@code -Dwasm-aot.run.dirs=data,out}).
     */
    @Parameter(property = "wasm-aot.run.dirs")
    List<String> dirs;

    /**
     * Host directories preopened under another guest name, {@code GUEST::HOST} each, as iwasm's
     * {@code --map-dir} (a relative HOST resolves against the project's base directory). Preopened after
     * {@code dirs}.
     */
    @Parameter(property = "wasm-aot.run.mapDirs")
    List<String> mapDirs;

    /** The WASI program's environment, {@code NAME=VALUE} each in order, as iwasm's {@code --env}. */
    @Parameter(property = "wasm-aot.run.env")
    List<String> env;

    /**
     * File the WASI program reads as its stdin (fd 0), e.g. {@code src/test/resources/input.txt} (relative paths
     * resolve against the project's base directory); {@code -Dwasm-aot.run.stdin=/dev/stdin} pipes Maven's own
     * input in batch mode ({@code echo hi | mvn -B wasm-aot:run -Dwasm-aot.run.stdin=/dev/stdin ...}). Unset: an
     * interactive Maven (no {@code -B}) passes its stdin through, as {@code wasm-aot run} does; in batch mode the
     * program reads end of file at once.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wasm-aot.run.stdin")
    File stdinFile;

    /** The Maven session: whether Maven runs interactively (then its stdin is passed through). */
    @Parameter(defaultValue = "${session}", readonly = true)
    org.apache.maven.execution.MavenSession session;

    /** Base directory for relative {@code dirs} and {@code mapDirs}. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    File basedir;

    /** Skip the run goal. */
    @Parameter(property = "wasm-aot.run.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("wasm-aot run skipped (wasm-aot.run.skip)");
            return;
        }
        RunRequest request;
        try {
            request = new RunRequest(image.toPath(), Optional.ofNullable(invoke), args == null ? List.of() : args,
                    BackendPreference.parse(backend),
                    heapSize == null ? OptionalLong.empty() : OptionalLong.of(heapSize), Optional.ofNullable(runtime),
                    Optional.empty(), wasi());
            if (timeout != null && !timeout.isBlank()) {
                request = request.withTimeout(RunRequest.parseTimeout(timeout));
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getLog().info("wasm-aot run: " + describe(request));
        RunResult result;
        try (InputStream stdin = request.wasi().stdin()) {
            result = Runner.run(request);
        } catch (IOException | LoaderException e) {
            throw new MojoFailureException("wasm-aot run: " + e.getMessage(), e);
        }
        getLog().info("backend: " + result.backend());
        result.stdoutLines().forEach(getLog()::info);
        result.stderrLines().forEach(getLog()::warn);
        getLog().info("exit code " + result.exitCode());
        check(result);
    }

    /**
     * The preopens (host paths against {@link #basedir}), environment and stdin: {@link #stdinFile}, else Maven's
     * stdin when it runs interactively (never closed by the run), else empty input.
     */
    WasiOptions wasi() throws MojoExecutionException {
        List<WasiPreopen> preopens = new ArrayList<>();
        for (String d : dirs == null ? List.<String>of() : dirs) {
            WasiPreopen p = WasiPreopen.dir(d.strip());
            preopens.add(new WasiPreopen(p.guestPath(), resolve(p.hostPath())));
        }
        for (String m : mapDirs == null ? List.<String>of() : mapDirs) {
            WasiPreopen p = WasiPreopen.mapDir(m.strip());
            preopens.add(new WasiPreopen(p.guestPath(), resolve(p.hostPath())));
        }
        return new WasiOptions(preopens, env == null ? List.of() : env, stdin());
    }

    private InputStream stdin() throws MojoExecutionException {
        if (stdinFile != null) {
            Path file = resolve(stdinFile.toPath());
            try {
                return java.nio.file.Files.newInputStream(file);
            } catch (IOException e) {
                throw new MojoExecutionException("stdinFile " + file + ": cannot read: " + e.getMessage(), e);
            }
        }
        if (session != null && session.getRequest() != null && session.getRequest().isInteractiveMode()) {
            // the run closes what it reads; Maven's own stdin stays open for whatever comes next
            return new java.io.FilterInputStream(System.in) {
                @Override
                public void close() {
                }
            };
        }
        return InputStream.nullInputStream();
    }

    private Path resolve(Path host) {
        return host.isAbsolute() || basedir == null ? host : basedir.toPath().resolve(host);
    }

    private void check(RunResult result) throws MojoFailureException {
        List<String> problems = new ArrayList<>();
        if (expectedOutput != null) {
            List<String> want = lines(expectedOutput);
            List<String> got = lines(result.stdout());
            if (!want.equals(got)) {
                problems.add("output differs: expected " + String.join("\\n", want) + " but was "
                        + String.join("\\n", got));
            }
        }
        if (expectedExitCode != null) {
            if (expectedExitCode != result.exitCode()) {
                problems.add("exit code " + result.exitCode() + ", expected " + expectedExitCode
                        + result.trap().map(t -> " (" + t + ")").orElse(""));
            }
        } else if (result.exitCode() != 0) {
            problems.add("exit code " + result.exitCode() + result.trap().map(t -> ": " + t).orElse("")
                    + " (set expectedExitCode if this is expected)");
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException(image + ": " + String.join("; ", problems));
        }
    }

    /** Lines stripped of surrounding blanks, without blank lines at either end. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(text.lines().map(String::strip).toList());
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String describe(RunRequest r) {
        return r.image() + " " + r.invoke().map(f -> "invoke " + f + "(" + String.join(", ", r.args()) + ")")
                .orElse("_start" + (r.args().isEmpty() ? "" : " " + String.join(" ", r.args())));
    }
}
