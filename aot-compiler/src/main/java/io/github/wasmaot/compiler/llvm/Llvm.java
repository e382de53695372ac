package io.github.wasmaot.compiler.llvm;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/** Small helpers around the bytedeco binding. */
public final class Llvm {
    private Llvm() {
    }

    /**
     * A native array of the given references. ({@code new PointerPointer<>(single)} would be a cast, not an
     * array, so always go through an explicit array.)
     */
    @SafeVarargs
    public static <P extends Pointer> PointerPointer<P> array(P... refs) {
        if (refs.length == 0) {
            return null;
        }
        return new PointerPointer<>(refs);
    }
}
