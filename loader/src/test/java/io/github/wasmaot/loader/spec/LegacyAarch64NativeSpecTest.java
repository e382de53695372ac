package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/**
 * The spec tests compiled for wamr-cba4c782 aarch64 and run on the loader's native backend: only on an aarch64
 * JVM (elsewhere skipped), e.g. under qemu-aarch64 with loader/src/test/aarch64-host/run.sh.
 */
class LegacyAarch64NativeSpecTest extends LoaderSpecSuite {
    LegacyAarch64NativeSpecTest() {
        super("wamr-cba4c782", Isa.AARCH64, BackendKind.NATIVE);
    }
}
