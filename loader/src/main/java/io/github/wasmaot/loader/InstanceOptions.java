package io.github.wasmaot.loader;

import io.github.wasmaot.loader.host.HostImports;
import io.github.wasmaot.loader.host.HostModule;
import io.github.wasmaot.loader.wasi.WasiConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Instantiation options, as iwasm takes them, plus the host functions the module may import.
 *
 * @param heapSize iwasm's --heap-size; empty means the profile's iwasm default
 * @param wasi argv, environment, stdio, clocks and randomness for the module's WASI imports
 * @param imports host functions for the module's other imports (they may also replace WASI functions);
 *     every import must be served, else instantiation fails
 * @param timeout longest a call into the instance may run (wall clock); a call stopped by it throws a
 *     {@link WasmTrapException} of kind {@link TrapKind#TIMEOUT} ("execution timed out") and the instance stays
 *     usable. Empty: no limit
 */
public record InstanceOptions(OptionalLong heapSize, WasiConfig wasi, HostImports imports,
                              Optional<Duration> timeout) {
    public InstanceOptions {
        Objects.requireNonNull(heapSize, "heapSize");
        Objects.requireNonNull(wasi, "wasi");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout.get());
        }
    }

    /** No timeout. */
    public InstanceOptions(OptionalLong heapSize, WasiConfig wasi, HostImports imports) {
        this(heapSize, wasi, imports, Optional.empty());
    }

    /** No host functions besides WASI. */
    public InstanceOptions(OptionalLong heapSize, WasiConfig wasi) {
        this(heapSize, wasi, HostImports.none());
    }

    public static InstanceOptions defaults() {
        return new InstanceOptions(OptionalLong.empty(), WasiConfig.inheritIo(List.of()));
    }

    public InstanceOptions withHeapSize(long bytes) {
        return new InstanceOptions(OptionalLong.of(bytes), wasi, imports, timeout);
    }

    public InstanceOptions withWasi(WasiConfig config) {
        return new InstanceOptions(heapSize, config, imports, timeout);
    }

    public InstanceOptions withImports(HostImports hostImports) {
        return new InstanceOptions(heapSize, wasi, hostImports, timeout);
    }

    /** Stops every call into the instance that runs longer than {@code limit}. */
    public InstanceOptions withTimeout(Duration limit) {
        return new InstanceOptions(heapSize, wasi, imports, Optional.of(limit));
    }

    /** Adds host modules to the registered ones. */
    public InstanceOptions withHostModules(HostModule... modules) {
        return new InstanceOptions(heapSize, wasi, imports.and(List.of(modules)), timeout);
    }
}
