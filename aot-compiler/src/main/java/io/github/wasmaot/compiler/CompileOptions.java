package io.github.wasmaot.compiler;

import java.util.Objects;

/**
 * What to compile for.
 *
 * @param runtime      profile name or alias ("legacy", "wamr-2.4", ...)
 * @param isa          "x86_64" or "aarch64"
 * @param optLevel     0-3 (LLVM optimisation level; wamrc's default is 3)
 * @param boundsChecks software bounds checks on linear memory accesses (wamrc {@code --bounds-checks=1});
 *                     without them 64-bit targets rely on the runtime's guard pages
 * @param cpu          LLVM CPU name, or null for the profile's default for the ISA
 */
public record CompileOptions(String runtime, String isa, int optLevel, boolean boundsChecks, String cpu) {
    public CompileOptions {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(isa, "isa");
    }

    /** wamrc's defaults: opt level 3, no software bounds checks, default CPU. */
    public static CompileOptions of(String runtime, String isa) {
        return new CompileOptions(runtime, isa, 3, false, null);
    }

    public CompileOptions withOptLevel(int level) {
        return new CompileOptions(runtime, isa, level, boundsChecks, cpu);
    }

    public CompileOptions withBoundsChecks(boolean on) {
        return new CompileOptions(runtime, isa, optLevel, on, cpu);
    }
}
