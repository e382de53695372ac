package io.github.wasmaot.loader;

import io.github.wasmaot.loader.wasi.WasiConfig;
import java.util.List;
import java.util.OptionalLong;

/**
 * Instantiation options, as iwasm takes them.
 *
 * @param heapSize iwasm's --heap-size; empty means the profile's iwasm default
 * @param wasi argv and stdio for the module's WASI imports
 */
public record InstanceOptions(OptionalLong heapSize, WasiConfig wasi) {
    public static InstanceOptions defaults() {
        return new InstanceOptions(OptionalLong.empty(), WasiConfig.inheritIo(List.of()));
    }

    public InstanceOptions withHeapSize(long bytes) {
        return new InstanceOptions(OptionalLong.of(bytes), wasi);
    }

    public InstanceOptions withWasi(WasiConfig config) {
        return new InstanceOptions(heapSize, config);
    }
}
