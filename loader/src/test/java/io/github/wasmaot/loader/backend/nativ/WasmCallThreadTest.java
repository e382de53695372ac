package io.github.wasmaot.loader.backend.nativ;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
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
}
