package io.github.wasmaot.sizing;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.Memory;
import io.github.wasmaot.format.sizing.PoolSizingFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one pool-sizing calculator: how big an {@code Alloc_With_Pool} buffer a pinned runtime needs to load,
 * instantiate and run an AOT image. Every number comes from the profile's {@link PoolSizingFacts} (data in
 * format-versions) and from the image's own counts; nothing here depends on a runtime version.
 *
 * <p>The model replays the allocations and frees the runtime makes for the image, in its order
 * ({@link AllocationSequence}), on a model of its pool allocator ({@link EmsHeap}); each stage's minimum is the
 * peak of that replay.
 */
public final class PoolSizeCalculator {
    /** WebAssembly page size. */
    public static final long PAGE = 65536;

    private PoolSizeCalculator() {
    }

    /**
     * What the host passes: {@code stack_size} and {@code heap_size} of {@code wasm_runtime_instantiate} (the
     * same stack for {@code wasm_runtime_create_exec_env}), what it hands {@code wasm_runtime_set_wasi_args} (argv,
     * environment strings {@code K=V}, preopened directories as given to the runtime), and the build configuration
     * key ({@code null}: the profile's Linux default). The directories are not looked up here: what takes pool bytes
     * is their number and each path's length as the host passes it (the runtime keeps a copy in the pool).
     */
    public record Options(long stackSize, long appHeapSize, List<String> wasiArgs, List<String> wasiEnv,
                          List<String> wasiDirs, String configuration) {
        public Options {
            if (stackSize < 0 || appHeapSize < 0) {
                throw new IllegalArgumentException("stack and app heap sizes must not be negative");
            }
            wasiArgs = wasiArgs == null ? List.of() : List.copyOf(wasiArgs);
            wasiEnv = wasiEnv == null ? List.of() : List.copyOf(wasiEnv);
            wasiDirs = wasiDirs == null ? List.of() : List.copyOf(wasiDirs);
            for (String e : wasiEnv) {
                if (e.indexOf('=') <= 0) {
                    throw new IllegalArgumentException("WASI environment entry must be KEY=VALUE (--wasi-env), not '" + e + "'");
                }
            }
            for (String d : wasiDirs) {
                if (d.isEmpty()) {
                    throw new IllegalArgumentException("WASI preopened directory must not be empty (--wasi-dir)");
                }
            }
        }

        /** No environment and no preopened directories. */
        public Options(long stackSize, long appHeapSize, List<String> wasiArgs, String configuration) {
            this(stackSize, appHeapSize, wasiArgs, List.of(), List.of(), configuration);
        }

        /** iwasm's defaults: 64 KiB stack... hosts usually pass 16 KiB of each; so do we. */
        public static Options defaults() {
            return new Options(16 * 1024, 16 * 1024, List.of(), null);
        }
    }

    /** The profile has no sizing model or the configuration key is unknown. */
    public static final class SizingException extends RuntimeException {
        public SizingException(String message) {
            super(message);
        }
    }

    /**
     * The sizing facts of a profile, checked to have {@code configuration} ({@code null}: its default).
     *
     * @throws SizingException when the profile has no sizing model or no such configuration
     */
    public static PoolSizingFacts facts(String profileName, String configuration) {
        PoolSizingFacts facts = PoolSizingFacts.forProfile(profileName).orElseThrow(() -> new SizingException(
                "no pool sizing model for runtime profile " + profileName + " (models: wamr-cba4c782, wamr-2.4)"));
        configuration(facts, configuration);
        return facts;
    }

    /**
     * The pool to run a {@code _start} that grows linear memory by {@code pages} pages in all, in one
     * {@code memory.grow} or several (judged on cba4c782 {@code no-hw-bound-check}: the real runtime reallocates,
     * the old memory stays live until the new block, old size + the new pages as one pool block, holds the copy;
     * later grows extend that block in place when it ends the used pool, as a C program's {@code malloc} growing
     * 383 pages in steps showed: exact).
     */
    public static long runGrowingBy(PoolSizeEstimate estimate, long pages) {
        if (pages <= 0 || estimate.perGrownPage() == 0) {
            return estimate.run();
        }
        long grown = estimate.linearInPool() + pages * estimate.perGrownPage();
        if (!estimate.growReallocates()) {
            return estimate.run() + pages * estimate.perGrownPage();
        }
        long block = facts(estimate.profile(), estimate.configuration()).allocator().block(grown);
        return Math.max(estimate.run(), estimate.execEnv() + block);
    }

    /** The one-line verdict when {@code estimate} does not fit a pool of {@code poolBytes}. */
    public static String doesNotFit(PoolSizeEstimate estimate, long poolBytes) {
        return doesNotFit(estimate, estimate.run(), poolBytes);
    }

    /** The same for a run that needs {@code needed} bytes (e.g. {@link #runGrowingBy}). */
    public static String doesNotFit(PoolSizeEstimate estimate, long needed, long poolBytes) {
        return String.format(Locale.ROOT, "needs %,d bytes, pool is %,d (%s, %s, %s)", needed, poolBytes,
                estimate.profile(), estimate.isa(), estimate.configuration());
    }

    private static PoolSizingFacts.Configuration configuration(PoolSizingFacts facts, String key) {
        String k = key == null ? facts.defaultConfiguration() : key;
        return facts.configuration(k).orElseThrow(() -> new SizingException(
                "unknown build configuration " + k + " for " + facts.profile() + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(facts.configurations().keySet())) + ")"));
    }

    /** Sizes {@code image} for the profile it was read with. */
    public static PoolSizeEstimate estimate(AotImage image, long imageBytes, Options options) {
        return estimate(image, imageBytes, facts(image.profile().name(), options.configuration()), options);
    }

    public static PoolSizeEstimate estimate(AotImage image, long imageBytes, PoolSizingFacts facts, Options options) {
        String key = options.configuration() == null ? facts.defaultConfiguration() : options.configuration();
        PoolSizingFacts.Configuration config = configuration(facts, key);
        if (facts.structs().isEmpty()) {
            throw new SizingException("the pool sizing facts of " + facts.profile() + " name no allocations (structs)");
        }
        return derived(image, facts, config, key, isaOf(image), options);
    }

    /**
     * The derived model: the allocations the runtime makes for this image, in its order, replayed on a model of
     * its pool allocator ({@link AllocationSequence}, {@link EmsHeap}).
     */
    private static PoolSizeEstimate derived(AotImage image, PoolSizingFacts facts, PoolSizingFacts.Configuration config,
                                            String key, String isa, Options options) {
        PoolSizingFacts.Allocator ems = facts.allocator();
        PoolSizingFacts.Instance in = facts.instance();
        InitDataSection init = image.initData();
        long linear = linearMemoryBytes(init.memories(), options.appHeapSize(), in);
        long linearInPool = config.linearMemoryInPool() ? linear : 0;
        boolean start = init.startFuncIndex() >= 0 && init.startFuncIndex() != 0xffffffffL;
        long mutex = ems.mutexExtra(isa);
        Map<String, Long> stages = AllocationSequence.stages(image, facts, isa, key, options.stackSize(), options.appHeapSize(), linearInPool,
                new AllocationSequence.Wasi(options.wasiArgs(), options.wasiEnv(), options.wasiDirs()), start);
        long heapStruct = ems.heapStructBytes() + mutex;
        long load = stages.get("load") + mutex;
        long inst = stages.get("instantiate") + mutex;
        long exec = stages.get("exec_env") + mutex;
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("pool allocator (ems heap struct, runtime init)", heapStruct);
        parts.put("loader (module structs, data segments, names, function arrays; relocation lists and section"
                + " headers freed before load returns)", load - heapStruct);
        // the parts add up to the run total; instantiation may reuse what load freed, so linear memory's share is
        // its block or, when the instance as a whole grows the pool by less, that growth
        long linearShare = Math.min(linearInPool > 0 ? ems.block(linearInPool) : 0, Math.max(0, inst - load));
        if (linearShare > 0) {
            parts.put("linear memory (initial pages + app heap)", linearShare);
        }
        parts.put("instance (module instance, memories, function pointers, exports, WASI context)"
                + (start ? " and the start function's exec env" : "") + ", beyond what load freed",
                inst - load - linearShare);
        parts.put("exec env (struct + wasm stack + frames), beyond what is free", exec - inst);
        return new PoolSizeEstimate(image.fileName(), facts.profile(), isa, key, config.buildSwitch(),
                heapStruct, load, inst, exec, exec, parts,
                config.linearMemoryInPool() ? PAGE : 0, config.linearMemoryInPool() && config.growReallocates(),
                linearInPool);
    }

    /** Initial linear memory bytes as the runtime allocates them, the app heap included. */
    static long linearMemoryBytes(List<Memory> memories, long appHeap, PoolSizingFacts.Instance rules) {
        long bytes = 0;
        for (Memory m : memories) {
            bytes += m.initPageCount() * m.bytesPerPage();
        }
        if (bytes == 0) {
            if (appHeap == 0) {
                return 0;
            }
            return rules.noMemoryAppHeapRoundsToPage() ? roundUp(appHeap, PAGE) : appHeap;
        }
        if (appHeap == 0 || !rules.appHeapWholePagesUnlessSinglePage()) {
            return bytes + appHeap;
        }
        Memory m = memories.get(0);
        if (memories.size() == 1 && m.initPageCount() == 1 && m.maxPageCount() == 1) {
            return bytes + appHeap; // appended to the one page: the page grows, the page count does not
        }
        return bytes + roundUp(appHeap, m.bytesPerPage()); // inserted as whole pages before __heap_base
    }

    private static long roundUp(long n, long unit) {
        return (n + unit - 1) / unit * unit;
    }

    private static String isaOf(AotImage image) {
        String arch = image.targetInfo().archName();
        return ProfileCatalog.loadFacts(image.profile().name()).flatMap(f -> f.isaForArch(arch)).orElse(arch);
    }
}
