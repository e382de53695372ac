package io.github.wasmaot.loader.wasi;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

/**
 * The clocks behind clock_time_get/clock_res_get, in nanoseconds. Injectable (e.g. {@link #fixed}) so that
 * tests and deterministic hosts control what a module sees.
 */
public interface WasiClock {
    /** CLOCK_REALTIME: nanoseconds since 1970-01-01T00:00Z. */
    long realtimeNanos();

    /** CLOCK_MONOTONIC: nanoseconds from an arbitrary origin, never decreasing. */
    long monotonicNanos();

    /** CLOCK_PROCESS_CPUTIME_ID (what C {@code clock()} reads); by default the calling thread's CPU time. */
    default long processCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : monotonicNanos();
    }

    /** CLOCK_THREAD_CPUTIME_ID; the guest runs on the calling thread. */
    default long threadCpuNanos() {
        return processCpuNanos();
    }

    /** clock_res_get: the resolution of clock {@code id} (0 realtime .. 3 thread CPU time) in nanoseconds. */
    default long resolutionNanos(int id) {
        return id == 0 ? 1_000 : 1;
    }

    /** The host's clocks: {@link Instant#now()} and {@link System#nanoTime()}. */
    static WasiClock system() {
        return new WasiClock() {
            @Override
            public long realtimeNanos() {
                Instant now = Instant.now();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public long monotonicNanos() {
                return System.nanoTime();
            }
        };
    }

    /** Clocks that always read the given values (all CPU-time clocks read {@code monotonicNanos}). */
    static WasiClock fixed(long realtimeNanos, long monotonicNanos) {
        return new WasiClock() {
            @Override
            public long realtimeNanos() {
                return realtimeNanos;
            }

            @Override
            public long monotonicNanos() {
                return monotonicNanos;
            }

            @Override
            public long processCpuNanos() {
                return monotonicNanos;
            }
        };
    }
}
