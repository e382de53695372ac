package io.github.wasmaot.loader.bench;

import io.github.wasmaot.loader.BackendKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Soak: 10,000 cycles of {@code features} (linear memory, table, start function, runtime helpers as JNA
 * callbacks) on the native backend, a few seconds.
 */
@Tag("bench")
class SoakFeaturesNativeBenchTest {
    @Test
    void soak() throws Exception {
        Soak.run("features.wamr-2.4.x86_64.bounds-checks.aot", BackendKind.NATIVE, 10_000, 500, 500,
                "apply", 2, 7, 5, 35);
    }
}
