package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/** The spec tests compiled for wamr-cba4c782 x86_64 and run on the loader's native backend. */
class LegacyX86_64NativeSpecTest extends LoaderSpecSuite {
    LegacyX86_64NativeSpecTest() {
        super("wamr-cba4c782", Isa.X86_64, BackendKind.NATIVE);
    }
}
