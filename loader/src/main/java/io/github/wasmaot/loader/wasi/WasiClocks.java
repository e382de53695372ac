package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.host.GuestMemory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * clock_time_get and clock_res_get over a {@link WasiClock}: clock ids 0 realtime, 1 monotonic, 2 process
 * CPU time, 3 thread CPU time; any other id is EINVAL. The precision argument is ignored.
 */
final class WasiClocks {
    private final WasiClock clock;

    WasiClocks(WasiClock clock) {
        this.clock = clock;
    }

    Map<String, WasiFunction.Body> functions() {
        Map<String, WasiFunction.Body> m = new LinkedHashMap<>();
        m.put("clock_time_get", (mem, a) -> timeGet(mem, a[0], a[2]));
        m.put("clock_res_get", (mem, a) -> resGet(mem, a[0], a[1]));
        return m;
    }

    private long timeGet(GuestMemory m, long id, long timePtr) {
        m.check(timePtr, 8);
        long now;
        if (id == 0) {
            now = clock.realtimeNanos();
        } else if (id == 1) {
            now = clock.monotonicNanos();
        } else if (id == 2) {
            now = clock.processCpuNanos();
        } else if (id == 3) {
            now = clock.threadCpuNanos();
        } else {
            return WasiErrno.INVAL;
        }
        m.writeU64(timePtr, now);
        return WasiErrno.SUCCESS;
    }

    private long resGet(GuestMemory m, long id, long resolutionPtr) {
        if (id < 0 || id > 3) {
            return WasiErrno.INVAL;
        }
        m.writeU64(resolutionPtr, clock.resolutionNanos((int) id));
        return WasiErrno.SUCCESS;
    }
}
