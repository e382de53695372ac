package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/** The spec tests compiled for wamr-cba4c782 aarch64 and run on the loader's emulated backend. */
class LegacyAarch64EmulatedSpecTest extends LoaderSpecSuite {
    LegacyAarch64EmulatedSpecTest() {
        super("wamr-cba4c782", Isa.AARCH64, BackendKind.EMULATED);
    }
}
