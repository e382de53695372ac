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
 * @param cpuFeatures       LLVM target features ({@code +feature,-feature}: wamrc {@code --cpu-features}), or null
 *                          for the profile's for the ISA
 * @param sizeLevel         wamrc {@code --size-level} 0-3, which picks LLVM's code model (0 large, 1 medium,
 *                          2 kernel, 3 small), or null for the profile's code model (wamrc's default on Linux is 3)
 * @param threads           how many threads compile the module's partitions; 0 for the available cores. It never
 *                          changes the image: the partitions and their order depend on the module only
 */
public record CompileOptions(String runtime, String isa, int optLevel, boolean boundsChecks, String cpu,
                             Boolean stackBoundsChecks, String cpuFeatures, Integer sizeLevel, int threads) {
    public CompileOptions {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(isa, "isa");
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (available cores) or more, got " + threads);
        }
    }

    /** Options compiled on all available cores. */
    public CompileOptions(String runtime, String isa, int optLevel, boolean boundsChecks, String cpu,
                          Boolean stackBoundsChecks, String cpuFeatures, Integer sizeLevel) {
        this(runtime, isa, optLevel, boundsChecks, cpu, stackBoundsChecks, cpuFeatures, sizeLevel, 0);
    }

    /** Options with the profile's CPU features and code model. */
    public CompileOptions(String runtime, String isa, int optLevel, boolean boundsChecks, String cpu,
                          Boolean stackBoundsChecks) {
        this(runtime, isa, optLevel, boundsChecks, cpu, stackBoundsChecks, null, null);
    }

    /** Options with wamrc's default for the stack check (it follows {@code boundsChecks}). */
    public CompileOptions(String runtime, String isa, int optLevel, boolean boundsChecks, String cpu) {
        this(runtime, isa, optLevel, boundsChecks, cpu, null);
    }

    /** wamrc's defaults: opt level 3, no software bounds checks, default CPU. */
    public static CompileOptions of(String runtime, String isa) {
        return new CompileOptions(runtime, isa, 3, false, null, null, null, null);
    }

    /** The same options for another runtime and ISA (a cell of a compile matrix). */
    public CompileOptions forCell(String otherRuntime, String otherIsa) {
        return new CompileOptions(otherRuntime, otherIsa, optLevel, boundsChecks, cpu, stackBoundsChecks, cpuFeatures,
                sizeLevel, threads);
    }

    public CompileOptions withOptLevel(int level) {
        return new CompileOptions(runtime, isa, level, boundsChecks, cpu, stackBoundsChecks, cpuFeatures,
                sizeLevel, threads);
    }

    public CompileOptions withBoundsChecks(boolean on) {
        return new CompileOptions(runtime, isa, optLevel, on, cpu, stackBoundsChecks, cpuFeatures,
                sizeLevel, threads);
    }

    public CompileOptions withStackBoundsChecks(boolean on) {
        return new CompileOptions(runtime, isa, optLevel, boundsChecks, cpu, on, cpuFeatures,
                sizeLevel, threads);
    }

    /** The same options for LLVM CPU {@code name} (null: the profile's default for the ISA). */
    public CompileOptions withCpu(String name) {
        return new CompileOptions(runtime, isa, optLevel, boundsChecks, name, stackBoundsChecks, cpuFeatures,
                sizeLevel, threads);
    }

    public CompileOptions withCpuFeatures(String features) {
        return new CompileOptions(runtime, isa, optLevel, boundsChecks, cpu, stackBoundsChecks, features,
                sizeLevel, threads);
    }

    public CompileOptions withSizeLevel(int level) {
        return new CompileOptions(runtime, isa, optLevel, boundsChecks, cpu, stackBoundsChecks, cpuFeatures,
                level, threads);
    }

    /** The same options compiled on {@code n} threads (0: the available cores); the image does not change. */
    public CompileOptions withThreads(int n) {
        return new CompileOptions(runtime, isa, optLevel, boundsChecks, cpu, stackBoundsChecks, cpuFeatures, sizeLevel,
                n);
    }

    /** The thread count to use: {@link #threads()}, or the available cores when it is 0. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** Whether functions check the native stack: the explicit choice, else as {@code boundsChecks}. */
    public boolean effectiveStackBoundsChecks() {
        return stackBoundsChecks == null ? boundsChecks : stackBoundsChecks;
    }
}
