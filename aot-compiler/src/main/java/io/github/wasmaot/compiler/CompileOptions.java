package io.github.wasmaot.compiler;

import java.util.Objects;

/**
 * What to compile for.
 *
 * @param runtime           profile name or alias ("legacy", "wamr-2.4", ...)
 * @param isa               "x86_64" or "aarch64"
 * @param optLevel          0-3 (LLVM optimisation level; wamrc's default is 3)
 * @param boundsChecks      software bounds checks on linear memory accesses (wamrc {@code --bounds-checks=1});
 *                          without them 64-bit targets rely on the runtime's guard pages
 * @param cpu               LLVM CPU name, or null for the profile's default for the ISA
 * @param stackBoundsChecks native stack overflow check at every function entry (wamrc
 *                          {@code --stack-bounds-checks}), or null for wamrc's default: the same as
 *                          {@code boundsChecks} (WAMR 2.4's aot_llvm.c; the legacy wamrc ties the check to
 *                          {@code --bounds-checks=1} and has no separate option). Without it the runtime's
 *                          guard pages below the native stack catch an overflow.
 */
public record CompileOptions(String runtime, String isa, int optLevel, boolean boundsChecks, String cpu,
                             Boolean stackBoundsChecks) {
    public CompileOptions {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(isa, "isa");
    }

    /** Options with wamrc's default for the stack check (it follows {@code boundsChecks}). */
    public CompileOptions(String runtime, String isa, int optLevel, boolean boundsChecks, String cpu) {
        this(runtime, isa, optLevel, boundsChecks, cpu, null);
    }

    /** wamrc's defaults: opt level 3, no software bounds checks, default CPU. */
    public static CompileOptions of(String runtime, String isa) {
        return new CompileOptions(runtime, isa, 3, false, null, null);
    }

    public CompileOptions withOptLevel(int level) {
        return new CompileOptions(runtime, isa, level, boundsChecks, cpu, stackBoundsChecks);
    }

    public CompileOptions withBoundsChecks(boolean on) {
        return new CompileOptions(runtime, isa, optLevel, on, cpu, stackBoundsChecks);
    }

    public CompileOptions withStackBoundsChecks(boolean on) {
        return new CompileOptions(runtime, isa, optLevel, boundsChecks, cpu, on);
    }

    /** Whether functions check the native stack: the explicit choice, else as {@code boundsChecks}. */
    public boolean effectiveStackBoundsChecks() {
        return stackBoundsChecks == null ? boundsChecks : stackBoundsChecks;
    }
}
