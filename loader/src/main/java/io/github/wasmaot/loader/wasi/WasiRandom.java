package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.host.GuestMemory;
import java.util.Map;

/** random_get(buf, len): {@code len} bytes from the configured {@link RandomSource}. */
final class WasiRandom {
    private final RandomSource source;

    WasiRandom(RandomSource source) {
        this.source = source;
    }

    Map<String, WasiFunction.Body> functions() {
        return Map.of("random_get", (mem, a) -> get(mem, a[0], a[1]));
    }

    private long get(GuestMemory m, long buf, long len) {
        m.check(buf, len);
        byte[] bytes = new byte[(int) len];
        source.fill(bytes);
        m.write(buf, bytes);
        return WasiErrno.SUCCESS;
    }
}
