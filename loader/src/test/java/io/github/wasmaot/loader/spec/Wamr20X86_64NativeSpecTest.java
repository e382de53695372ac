package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/** The spec tests compiled for wamr-2.0 x86_64 and run on the loader's native backend. */
class Wamr20X86_64NativeSpecTest extends LoaderSpecSuite {
    Wamr20X86_64NativeSpecTest() {
        super("wamr-2.0", Isa.X86_64, BackendKind.NATIVE);
    }
}
