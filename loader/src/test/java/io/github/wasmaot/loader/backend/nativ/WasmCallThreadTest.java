package io.github.wasmaot.loader.backend.nativ;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The thread native Wasm calls run on: known stack bounds, re-entrant, exceptions passed through unchanged. */
class WasmCallThreadTest {
    @Test
    void callsRunOnTheCallThreadAndNestedCallsDoNotWaitForThemselves() {
        WasmCallThread t = WasmCallThread.get();
        long nested = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> t.run(() -> "wasm-aot-native-calls".equals(Thread.currentThread().getName())
                        ? t.run(() -> 42L) : -1L));
        assertEquals(42L, nested);
    }

    @Test
    void exceptionsComeBackUnchanged() {
        IllegalArgumentException thrown = new IllegalArgumentException("from the call thread");
        assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> WasmCallThread.get().run(() -> {
            throw thrown;
        })));
    }

    @Test
    void errorsComeBackUnchangedToo() {
        StackOverflowError thrown = new StackOverflowError("from the call thread");
        assertSame(thrown, assertThrows(StackOverflowError.class, () -> WasmCallThread.get().run(() -> {
            throw thrown;
        })));
    }

    @Test
    void callersOnSeveralThreadsEachGetTheirOwnResultsFromTheCallThread() throws Exception {
        WasmCallThread t = WasmCallThread.get();
        AtomicInteger elsewhere = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> sums = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                long base = c * 1_000_000L;
                sums.add(callers.submit(() -> {
                    long sum = 0;
                    for (int i = 0; i < 2_000; i++) {
                        long arg = base + i;
                        sum += t.run(() -> {
                            if (!"wasm-aot-native-calls".equals(Thread.currentThread().getName())) {
                                elsewhere.incrementAndGet();
                            }
                            return arg;
                        });
                    }
                    return sum;
                }));
            }
            for (int c = 0; c < 4; c++) {
                assertEquals(c * 1_000_000L * 2_000 + 1_999L * 2_000 / 2, sums.get(c).get(30, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(0, elsewhere.get(), "calls that did not run on the call thread");
    }

    @Test
    void aCallLongerThanTheSpinStillAnswersAndAnInterruptedCallerWaitsForIt() {
        Thread.currentThread().interrupt();
        long result = WasmCallThread.get().run(() -> {
            long until = System.nanoTime() + 20 * WasmCallThread.SPIN_NANOS;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return 7L;
        });
        assertTrue(Thread.interrupted(), "the caller's interrupt flag is kept");
        assertEquals(7L, result);
    }
}
