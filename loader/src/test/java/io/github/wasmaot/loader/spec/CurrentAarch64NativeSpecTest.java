package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/**
 * The spec tests compiled for wamr-2.4 aarch64 and run on the loader's native backend: only on an aarch64 JVM
 * (elsewhere skipped), e.g. under qemu-aarch64 with loader/src/test/aarch64-host/run.sh.
 */
class CurrentAarch64NativeSpecTest extends LoaderSpecSuite {
    CurrentAarch64NativeSpecTest() {
        super("wamr-2.4", Isa.AARCH64, BackendKind.NATIVE);
    }
}
