package io.github.wasmaot.loader.run;

import java.nio.file.Path;
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
 * @param wasi     preopened directories, environment and stdin of the WASI host ({@link WasiOptions#NONE}: none,
 *                 empty input)
 */
public record RunRequest(Path image, Optional<String> invoke, List<String> args, BackendPreference backend,
                         OptionalLong heapSize, Optional<String> runtime, WasiOptions wasi) {
    public RunRequest {
        wasi = wasi == null ? WasiOptions.NONE : wasi;
        Objects.requireNonNull(image, "image");
        invoke = invoke == null ? Optional.empty() : invoke.filter(s -> !s.isBlank()).map(String::trim);
        args = args == null ? List.of() : List.copyOf(args);
        backend = backend == null ? BackendPreference.AUTO : backend;
        heapSize = heapSize == null ? OptionalLong.empty() : heapSize;
        runtime = runtime == null ? Optional.empty() : runtime.filter(s -> !s.isBlank()).map(String::trim);
    }

    /** A request without WASI directories, environment or input. */
    public RunRequest(Path image, Optional<String> invoke, List<String> args, BackendPreference backend,
                      OptionalLong heapSize, Optional<String> runtime) {
        this(image, invoke, args, backend, heapSize, runtime, WasiOptions.NONE);
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
        return new RunRequest(image, invoke, args, b, heapSize, runtime, wasi);
    }

    public RunRequest withHeapSize(long bytes) {
        return new RunRequest(image, invoke, args, backend, OptionalLong.of(bytes), runtime, wasi);
    }

    public RunRequest withRuntime(String profile) {
        return new RunRequest(image, invoke, args, backend, heapSize, Optional.ofNullable(profile), wasi);
    }

    public RunRequest withWasi(WasiOptions w) {
        return new RunRequest(image, invoke, args, backend, heapSize, runtime, w);
    }
}
