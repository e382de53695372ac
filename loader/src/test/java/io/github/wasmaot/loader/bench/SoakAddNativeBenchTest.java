package io.github.wasmaot.loader.bench;

import io.github.wasmaot.loader.BackendKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Soak: 10,000 cycles of {@code add} (no memory, no runtime helpers) on the native backend, a few seconds. */
@Tag("bench")
class SoakAddNativeBenchTest {
    @Test
    void soak() throws Exception {
        Soak.run("add.wamr-2.4.x86_64.aot", BackendKind.NATIVE, 10_000, 500, 500, "add", 2, 3, 0, 5);
    }
}
