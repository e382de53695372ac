package io.github.wasmaot.loader.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.backend.EmulatedBackend;
import io.github.wasmaot.loader.backend.Protection;
import io.github.wasmaot.loader.fuzz.VerifiedImagesLoadFuzzTest.Checked;
import io.github.wasmaot.loader.fuzz.VerifiedImagesLoadFuzzTest.Outcome;
import io.github.wasmaot.loader.fuzz.VerifiedImagesLoadFuzzTest.Seed;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The loader fuzz mutant that outran its 20 s bound on the emulator (h-speed): its linear memory is large, and
 * making the last page of it read-only (the emulator's guard against stores crossing the memory's end) made
 * Unicorn copy the whole memory out and back (uc_mem_protect splits the region), during instantiation, where no
 * call's time limit applies; for 4 GiB the copy's allocation fails outright (UC_ERR_NOMEM). Each check here runs
 * on its own thread and must end well inside {@link #BOUND_MS}.
 */
class EmulatedTimeLimitRegressionTest {
    private static final String TIMEOUT_PROPERTY = "wasmaot.emulator.callTimeoutMillis";
    private static final long BOUND_MS = 5_000;
    private static String savedTimeout;

    @BeforeAll
    static void boundEachCall() {
        savedTimeout = System.getProperty(TIMEOUT_PROPERTY);
        System.setProperty(TIMEOUT_PROPERTY, "25");
    }

    @AfterAll
    static void restore() {
        if (savedTimeout == null) {
            System.clearProperty(TIMEOUT_PROPERTY);
        } else {
            System.setProperty(TIMEOUT_PROPERTY, savedTimeout);
        }
    }

    @Test
    void fuzzMutant26596EndsInATypedOutcomeQuickly() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.AARCH64);
        Seed seed = VerifiedImagesLoadFuzzTest.seedNamed("global/global.0.wasm.wamr-2.4.aarch64").orElseThrow();
        Checked c = within(() -> VerifiedImagesLoadFuzzTest.check(seed, 3489179778588358530L, true));
        assertTrue(c.run() && c.outcome() != Outcome.REJECTED, "the verifier accepts it and it is run: " + c);
    }

    @Test
    void guardingTheEndOfAMemoryOfGibibytesIsQuick() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.AARCH64);
        try (EmulatedBackend backend = new EmulatedBackend(Isa.AARCH64)) {
            long base = backend.reserve(8L << 30);
            long size = 4L << 30;
            within(() -> {
                backend.commit(base, size, Protection.READ_WRITE);
                backend.memoryEnds(base, base + size);
                // memory.grow by another GiB: the old guard page becomes writable again, the new end is guarded
                backend.commit(base + size, 1L << 30, Protection.READ_WRITE);
                backend.memoryEnds(base, base + size + (1L << 30));
                return null;
            });
            byte[] bytes = {1, 2, 3, 4};
            backend.write(base + size - 2, bytes);
            assertArrayEquals(bytes, backend.read(base + size - 2, 4), "the old end is ordinary memory again");
        }
    }

    private static <T> T within(Callable<T> task) throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "time-limit-regression");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        try {
            T result = ex.submit(task).get(BOUND_MS, TimeUnit.MILLISECONDS);
            System.out.println("ended in " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + result);
            return result;
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + BOUND_MS + " ms", e);
        } finally {
            ex.shutdownNow();
        }
    }
}
