package io.github.wasmaot.compiler;

import java.nio.file.Path;

/**
 * What one compile is doing, for modules that take a while: the compiler calls these on its own thread, in this
 * order. Every method does nothing by default; {@link ProgressPrinter} turns them into a few lines a second.
 */
public interface CompileProgress extends AutoCloseable {
    /** A listener that ignores everything. */
    CompileProgress NONE = new CompileProgress() {
    };

    /** The module decoded and validated; {@code functions} defined functions are to be translated. */
    default void started(int functions) {
    }

    /** {@code done} of {@code total} functions translated to LLVM IR (called after each). */
    default void functionsTranslated(int done, int total) {
    }

    /** Translation is done; LLVM optimises and emits the object now (the longest step for large modules). */
    default void emittingObject() {
    }

    /** The ELF object is emitted ({@code bytes} long); the image is built and verified next. */
    default void objectEmitted(int bytes) {
    }

    /**
     * The verifier accepts the image but warns: the runtime loads it only when built a certain way, say. Unlike the
     * steps above, a warning is for the user whatever the module's size.
     */
    default void warning(String message) {
    }

    /** The image ({@code bytes} long) is written to {@code image} ({@link AotCompiler#compileFile} only). */
    default void imageWritten(Path image, int bytes) {
    }

    /** The compile is over, whatever its outcome (batch compiles close each listener they were given). */
    @Override
    default void close() {
    }
}
