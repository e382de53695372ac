package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/** The spec tests compiled for wamr-main-646b5a9 aarch64 and run on the loader's emulated backend. */
class WamrMainAarch64EmulatedSpecTest extends LoaderSpecSuite {
    WamrMainAarch64EmulatedSpecTest() {
        super("wamr-main-646b5a9", Isa.AARCH64, BackendKind.EMULATED);
    }
}
