package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/** The spec tests compiled for wamr-2.4 aarch64 and run on the loader's emulated backend. */
class CurrentAarch64EmulatedSpecTest extends LoaderSpecSuite {
    CurrentAarch64EmulatedSpecTest() {
        super("wamr-2.4", Isa.AARCH64, BackendKind.EMULATED);
    }
}
