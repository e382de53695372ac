package io.github.wasmaot.sizing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pool an image needs on one runtime profile, ISA and build configuration: the minimum {@code heap_size} of
 * {@code Alloc_With_Pool} to get through each stage, the parts that add up to it, and what each page
 * {@code memory.grow} adds.
 *
 * @param file          the image
 * @param profile       runtime profile
 * @param isa           target ISA
 * @param configuration build configuration key (see {@code pool-sizing/<profile>.json})
 * @param buildSwitch   the cmake switch of that configuration
 * @param init          bytes for {@code wasm_runtime_full_init} alone
 * @param load          bytes to load
 * @param instantiate   bytes to load and instantiate
 * @param execEnv       bytes to also create the exec env (with its wasm stack)
 * @param run           bytes to also run {@code _start}
 * @param parts         the breakdown, in allocation order (bytes of each part, allocator overhead included)
 * @param perGrownPage  extra pool bytes per page {@code memory.grow} adds (0 when linear memory is mapped
 *                      outside the pool)
 * @param growReallocates whether growing copies linear memory inside the pool (old and new copy at once)
 * @param linearInPool  bytes of linear memory (initial pages + app heap) in the pool, 0 when it is mapped
 */
public record PoolSizeEstimate(String file, String profile, String isa, String configuration, String buildSwitch,
                               long init, long load, long instantiate, long execEnv, long run,
                               Map<String, Long> parts, long perGrownPage, boolean growReallocates,
                               long linearInPool) {
    public PoolSizeEstimate {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** The minimum for a stage by its name: init, load, instantiate, exec_env, run. */
    public long stage(String name) {
        return switch (name) {
            case "init" -> init;
            case "load" -> load;
            case "instantiate" -> instantiate;
            case "exec_env" -> execEnv;
            case "run" -> run;
            default -> throw new IllegalArgumentException("unknown stage " + name);
        };
    }
}
