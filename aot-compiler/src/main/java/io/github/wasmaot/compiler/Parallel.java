package io.github.wasmaot.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a function over a list on up to {@code threads} threads and returns the results in list order; with one
 * thread everything runs on the caller. Worker threads get a large stack (LLVM recurses on deeply nested code)
 * and are daemons; the first failure (in list order) is rethrown as it was thrown, once no item is running.
 */
public final class Parallel {
    private static final long STACK_BYTES = 64L << 20;

    private Parallel() {
    }

    /** {@code f} over {@code items} on up to {@code threads} threads, results in list order. */
    public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> f) {
        int n = Math.max(1, Math.min(threads, items.size()));
        if (n == 1) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                out.add(f.apply(item));
            }
            return out;
        }
        AtomicInteger id = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(null, r, "wasm-aot-compile-" + id.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> f.apply(item)));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                out.add(get(future, futures));
            }
            return out;
        } finally {
            pool.shutdownNow();
            awaitWorkers(pool);
        }
    }

    /**
     * Waits for the tasks still running (after a failure: the other threads' current items) to end. They run native
     * LLVM code that an interrupt does not stop; returning while they run could let the caller exit the JVM, whose
     * exit hooks tear down LLVM's statics under them.
     */
    private static void awaitWorkers(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <R> R get(Future<R> future, List<? extends Future<?>> all) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while compiling", e);
        } catch (ExecutionException e) {
            all.forEach(f -> f.cancel(false));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
