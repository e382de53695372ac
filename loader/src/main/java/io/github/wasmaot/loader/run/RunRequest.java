package io.github.wasmaot.loader.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One run of an AOT image, as {@code wasm-aot run} and iwasm take it.
 *
 * @param image    the AOT image file
 * @param invoke   export to call with {@code args} (iwasm {@code -f NAME}); empty runs the WASI command
 *                 ({@code _start}) with {@code args} as its program arguments
 * @param args     the export's arguments in iwasm's formats ({@code 2}, {@code 0x10}, {@code -1}, {@code 1.5}), or
 *                 the program arguments (argv[1..]; argv[0] is the image path as given)
 * @param backend  backend to run on, {@link BackendPreference#AUTO} to let the loader choose
 * @param heapSize app heap size in bytes (iwasm {@code --heap-size}); empty for the profile's iwasm default
 * @param runtime  runtime profile to read the image as (name or alias); empty to detect it from the header
 * @param timeout  longest the call may run (wall clock); when it runs longer it stops with the trap "Exception:
 *                 execution timed out" (exit code 1). Empty: no limit
 * @param wasi     preopened directories, environment and stdin of the WASI host ({@link WasiOptions#NONE}: none,
 *                 empty input)
 */
public record RunRequest(Path image, Optional<String> invoke, List<String> args, BackendPreference backend,
                         OptionalLong heapSize, Optional<String> runtime, Optional<Duration> timeout,
                         WasiOptions wasi) {
    public RunRequest {
        timeout = timeout == null ? Optional.empty() : timeout;
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout.get().toMillis() + " ms");
        }
        wasi = wasi == null ? WasiOptions.NONE : wasi;
        Objects.requireNonNull(image, "image");
        invoke = invoke == null ? Optional.empty() : invoke.filter(s -> !s.isBlank()).map(String::trim);
        args = args == null ? List.of() : List.copyOf(args);
        backend = backend == null ? BackendPreference.AUTO : backend;
        heapSize = heapSize == null ? OptionalLong.empty() : heapSize;
        runtime = runtime == null ? Optional.empty() : runtime.filter(s -> !s.isBlank()).map(String::trim);
    }

    /** Without a timeout, WASI directories, environment or input. */
    public RunRequest(Path image, Optional<String> invoke, List<String> args, BackendPreference backend,
                      OptionalLong heapSize, Optional<String> runtime) {
        this(image, invoke, args, backend, heapSize, runtime, Optional.empty(), WasiOptions.NONE);
    }

    /** Calls {@code export} with {@code args}, backend chosen by the loader. */
    public static RunRequest invoke(Path image, String export, List<String> args) {
        return new RunRequest(image, Optional.of(export), args, BackendPreference.AUTO, OptionalLong.empty(),
                Optional.empty());
    }

    /** Runs the WASI command with program arguments {@code args}, backend chosen by the loader. */
    public static RunRequest command(Path image, List<String> args) {
        return new RunRequest(image, Optional.empty(), args, BackendPreference.AUTO, OptionalLong.empty(),
                Optional.empty());
    }

    public RunRequest withBackend(BackendPreference b) {
        return new RunRequest(image, invoke, args, b, heapSize, runtime, timeout, wasi);
    }

    public RunRequest withHeapSize(long bytes) {
        return new RunRequest(image, invoke, args, backend, OptionalLong.of(bytes), runtime, timeout, wasi);
    }

    public RunRequest withRuntime(String profile) {
        return new RunRequest(image, invoke, args, backend, heapSize, Optional.ofNullable(profile), timeout, wasi);
    }

    /** Stops the run when it takes longer than {@code limit}. */
    public RunRequest withTimeout(Duration limit) {
        return new RunRequest(image, invoke, args, backend, heapSize, runtime, Optional.of(limit), wasi);
    }

    public RunRequest withWasi(WasiOptions w) {
        return new RunRequest(image, invoke, args, backend, heapSize, runtime, timeout, w);
    }

    /**
     * A timeout of {@code seconds} (fractions allowed, e.g. {@code 0.5}), as {@code wasm-aot run --timeout} and the
     * Maven plugin's {@code timeout} take it.
     * @throws IllegalArgumentException unless it is a positive number
     */
    public static Duration parseTimeout(String seconds) {
        java.math.BigDecimal s;
        try {
            s = new java.math.BigDecimal(seconds.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timeout must be a number of seconds, got \"" + seconds + "\"");
        }
        if (s.signum() <= 0 || s.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L)) > 0) {
            throw new IllegalArgumentException("timeout must be a positive number of seconds, got " + seconds);
        }
        long nanos = s.movePointRight(9).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        return Duration.ofNanos(nanos);
    }
}
