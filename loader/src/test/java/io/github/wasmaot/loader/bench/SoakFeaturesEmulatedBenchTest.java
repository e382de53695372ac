package io.github.wasmaot.loader.bench;

import io.github.wasmaot.loader.BackendKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Soak: {@code features} for aarch64 in the emulator. Each cycle opens a Unicorn engine and maps the image into
 * it, about 3.5 ms a cycle on the 2-vCPU reference machine, so 10,000 cycles take 35-45 s: the full count fits
 * the 2-minute budget, no reduced count needed.
 */
@Tag("bench")
class SoakFeaturesEmulatedBenchTest {
    @Test
    void soak() throws Exception {
        Soak.run("features.wamr-2.4.aarch64.aot", BackendKind.EMULATED, 10_000, 200, 500, "apply", 2, 7, 5, 35);
    }
}
