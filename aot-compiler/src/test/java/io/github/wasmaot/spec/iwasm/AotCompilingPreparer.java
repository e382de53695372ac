package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.spec.ModuleBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives iwasm the project's own AOT image of each module, compiled for the judge's runtime profile and ISA
 * with default options: the spec suite then judges our compiler on the real runtime. A module the compiler
 * does not translate yet is skipped with the compiler's reason; any other compile error is a failure.
 * {@code -Dwasmaot.aot.boundsChecks=true} and {@code -Dwasmaot.aot.stackBoundsChecks=true|false} compile with
 * wamrc's {@code --bounds-checks=1} and {@code --stack-bounds-checks=1|0} instead, and
 * {@code -Dwasmaot.aot.cpu=NAME} (e.g. {@code x86-64-v2}) for another CPU than the profile's.
 */
final class AotCompilingPreparer implements ModulePreparer {
    private final CompileOptions options;

    AotCompilingPreparer(String profile, Isa isa) {
        String cpu = System.getProperty("wasmaot.aot.cpu", "");
        CompileOptions o = CompileOptions.of(profile, isa.id())
                .withBoundsChecks(Boolean.getBoolean("wasmaot.aot.boundsChecks"))
                .withCpu(cpu.isBlank() ? null : cpu.strip());
        String stack = System.getProperty("wasmaot.aot.stackBoundsChecks", "");
        this.options = stack.isBlank() ? o : o.withStackBoundsChecks(Boolean.parseBoolean(stack.strip()));
    }

    @Override
    public Path prepare(ModuleBinary module, Path workDirectory) throws IOException {
        byte[] image;
        try {
            image = AotCompiler.compile(module.bytes(), module.file().getFileName().toString(), options);
        } catch (CompileException e) {
            if (e.notYetTranslated()) {
                throw new UnsupportedOperationException("not compiled yet: " + e.getMessage());
            }
            throw e;
        }
        return Files.write(Files.createTempFile(workDirectory, "module", ".aot"), image);
    }
}
