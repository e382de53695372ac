package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Isa;

/** The spec tests compiled for wamr-main-646b5a9 x86_64 and run on the loader's native backend. */
class WamrMainX86_64NativeSpecTest extends LoaderSpecSuite {
    WamrMainX86_64NativeSpecTest() {
        super("wamr-main-646b5a9", Isa.X86_64, BackendKind.NATIVE);
    }
}
