package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/** The spec tests compiled for wamr-2.3 aarch64 and run on the loader's emulated backend. */
class Wamr23Aarch64EmulatedSpecTest extends LoaderSpecSuite {
    Wamr23Aarch64EmulatedSpecTest() {
        super("wamr-2.3", Isa.AARCH64, BackendKind.EMULATED);
    }
}
