package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/** The spec tests compiled for wamr-2.2 aarch64 and run on the loader's emulated backend. */
class Wamr22Aarch64EmulatedSpecTest extends LoaderSpecSuite {
    Wamr22Aarch64EmulatedSpecTest() {
        super("wamr-2.2", Isa.AARCH64, BackendKind.EMULATED);
    }
}
