package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.host.GuestMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * poll_oneoff as WAMR's posix.c does it. One clock subscription alone is a sleep (nanosleep: relative, or until
 * an absolute time of that clock), answered by one event. Otherwise fd_read/fd_write subscriptions are polled:
 * files are always ready (fd_read with the bytes left before the end), stdio too, an fd that is not open or lacks
 * poll_fd_readwrite is an event with EBADF/ENOTCAPABLE; only when no fd is ready does the earliest clock
 * subscription wait and fire. Layouts: subscription 48 bytes (userdata u64, tag u8 at 8, clock id u32 at 16,
 * timeout u64 at 24, precision at 32, flags u16 at 40 / fd u32 at 16); event 32 bytes (userdata, error u16 at 8,
 * type u8 at 10, nbytes u64 at 16, flags u16 at 24).
 */
final class WasiPoll {
    private static final int CLOCK = 0;
    private static final int FD_READ = 1;
    private static final int FD_WRITE = 2;
    private static final int ABSTIME = 1;
    private static final int INTR = 27;

    private final WasiFiles files;
    private final WasiClock clock;

    WasiPoll(WasiFiles files, WasiClock clock) {
        this.files = files;
        this.clock = clock;
    }

    Map<String, WasiFunction.Body> functions() {
        return Map.of("poll_oneoff", (mem, a) -> poll(mem, a[0], a[1], a[2], a[3]));
    }

    private record Sub(long userdata, int tag, long clockId, long timeout, int flags, long fd) {
    }

    private long poll(GuestMemory m, long in, long out, long n, long neventsPtr) {
        m.check(in, 48);
        m.check(out, 32);
        m.check(neventsPtr, 4);
        if (n == 0) {
            return WasiErrno.INVAL;
        }
        m.check(in, 48 * n);
        m.check(out, 32 * n);
        List<Sub> subs = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            long s = in + 48 * i;
            subs.add(new Sub(m.readU64(s), m.readU8(s + 8), m.readU32(s + 16), m.readU64(s + 24),
                    m.readU8(s + 40) | (m.readU8(s + 41) << 8), m.readU32(s + 16)));
        }
        if (n == 1 && subs.get(0).tag() == CLOCK) {
            Sub s = subs.get(0);
            int error = sleep(s);
            event(m, out, s.userdata(), error, CLOCK, 0);
            m.writeU32(neventsPtr, 1);
            return error == INTR ? INTR : error;
        }
        int count = 0;
        Sub earliest = null;
        long earliestWait = Long.MAX_VALUE;
        for (Sub s : subs) {
            if (s.tag() == FD_READ || s.tag() == FD_WRITE) {
                long ready = files.readiness(s.fd(), s.tag() == FD_WRITE);
                int error = ready < 0 ? (int) (-ready - 1) : 0;
                event(m, out + 32L * count++, s.userdata(), error, s.tag(), Math.max(0, ready));
            } else if (s.tag() == CLOCK) {
                long wait = waitNanos(s);
                if (wait < 0) {
                    event(m, out + 32L * count++, s.userdata(), WasiErrno.INVAL, CLOCK, 0);
                } else if (earliest == null || wait < earliestWait) {
                    earliest = s;
                    earliestWait = wait;
                }
            } else {
                return WasiErrno.INVAL;
            }
        }
        if (count == 0 && earliest != null) {
            int error = sleepNanos(earliestWait);
            event(m, out, earliest.userdata(), error, CLOCK, 0);
            count = 1;
        }
        m.writeU32(neventsPtr, count);
        return WasiErrno.SUCCESS;
    }

    private static void event(GuestMemory m, long at, long userdata, int error, int type, long nbytes) {
        m.write(at, new byte[32]);
        m.writeU64(at, userdata);
        m.writeU8(at + 8, error & 0xff);
        m.writeU8(at + 9, (error >> 8) & 0xff);
        m.writeU8(at + 10, type);
        m.writeU64(at + 16, nbytes);
    }

    /** Nanoseconds to wait for a clock subscription, -1 for a clock that cannot be waited on. */
    private long waitNanos(Sub s) {
        long now;
        if (s.clockId() == 0) {
            now = clock.realtimeNanos();
        } else if (s.clockId() == 1) {
            now = clock.monotonicNanos();
        } else {
            return -1;
        }
        if ((s.flags() & ABSTIME) == 0) {
            return s.timeout();
        }
        return Math.max(0, s.timeout() - now);
    }

    private int sleep(Sub s) {
        long wait = waitNanos(s);
        if (wait < 0) {
            return WasiErrno.NOTSUP;
        }
        return sleepNanos(wait);
    }

    private static int sleepNanos(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return INTR;
        }
    }
}
