package io.github.wasmaot.loader.backend.nativ;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stops one call after its timeout: from then on, every {@link #RESEND_MILLIS} ms until the call ends, it runs
 * the stop action again. Natively that asks the signal handler to stop wasm code and sends the timeout signal to
 * the call thread; a signal that arrives while the thread runs anything but AOT code (a host function in Java,
 * the JVM, libc) is dropped by the handler, so the call stops on the first signal that finds it in AOT code. The
 * emulator's stop ({@code uc_emu_stop}) is repeated for the same reason: one sent just before the emulation
 * starts is forgotten by it. One daemon thread serves every call of the JVM.
 */
public final class Watchdog implements AutoCloseable {
    static final long RESEND_MILLIS = 10;
    private static ScheduledExecutorService timer;

    private final Runnable stop;
    private final Runnable reset;
    private final ScheduledFuture<?> task;
    private boolean active = true;
    private boolean fired;

    private Watchdog(Duration timeout, Runnable stop, Runnable reset) {
        this.stop = stop;
        this.reset = reset;
        this.task = timer().scheduleWithFixedDelay(this::fire, Math.max(0, timeout.toNanos()),
                TimeUnit.MILLISECONDS.toNanos(RESEND_MILLIS), TimeUnit.NANOSECONDS);
    }

    /** Starts watching the call that is about to run on the call thread. */
    public static Watchdog start(SignalTraps traps, Duration timeout) {
        return new Watchdog(timeout, () -> {
            traps.requestTimeout(true);
            traps.signalCallThread();
        }, () -> traps.requestTimeout(false));
    }

    /** Starts watching a call that {@code stop} (safe to call from another thread, and more than once) ends. */
    public static Watchdog start(Duration timeout, Runnable stop) {
        return new Watchdog(timeout, stop, () -> { });
    }

    private static synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread th = new Thread(r, "wasm-aot-native-watchdog");
                th.setDaemon(true);
                return th;
            });
            t.setRemoveOnCancelPolicy(true);
            timer = t;
        }
        return timer;
    }

    private synchronized void fire() {
        if (!active) {
            return;
        }
        fired = true;
        stop.run();
    }

    /** Whether the timeout passed while the call ran. */
    public synchronized boolean fired() {
        return fired;
    }

    /** The call ended: no more signals. */
    @Override
    public synchronized void close() {
        active = false;
        task.cancel(false);
        if (fired) {
            reset.run();
        }
    }
}
