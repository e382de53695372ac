package io.github.wasmaot.loader.backend.emulated;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stops an emulator run after its time limit from one shared daemon thread. Unicorn's own timeout
 * ({@code uc_emu_start}'s timeout argument) starts a thread for every run and joins it at the end, and that
 * thread polls the run every few microseconds: on a loaded machine the join alone costs milliseconds, far more
 * than a short call. Here a run with a limit costs scheduling and cancelling one task; the stop
 * ({@code uc_emu_stop}, which Unicorn's timer thread calls too) can only reach the run it was armed for.
 */
final class CallTimer implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final long RETRY_MICROS = 1000;

    private final UnicornEngine engine;
    private ScheduledFuture<?> task;
    private boolean done;

    private CallTimer(UnicornEngine engine) {
        this.engine = engine;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "wasm-aot emulator timer");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /** Stops {@code engine}'s run in {@code micros} microseconds unless {@link #close} comes first. */
    static CallTimer arm(UnicornEngine engine, long micros) {
        CallTimer timer = new CallTimer(engine);
        synchronized (timer) {
            timer.task = TIMER.schedule(timer::fire, micros, TimeUnit.MICROSECONDS);
        }
        return timer;
    }

    /**
     * Stops the run, and again every {@value #RETRY_MICROS} microseconds until it has returned: a stop that
     * lands before {@code uc_emu_start} has begun (a tiny limit) would otherwise be lost, since Unicorn ignores a
     * stop while no run is under way and clears a pending one when a run starts.
     */
    private synchronized void fire() {
        if (!done) {
            engine.stop();
            task = TIMER.schedule(this::fire, RETRY_MICROS, TimeUnit.MICROSECONDS);
        }
    }

    /** Disarms: once this returns, the timer never stops the engine. */
    @Override
    public synchronized void close() {
        done = true;
        task.cancel(false);
    }
}
