package io.github.wasmaot.format.sizing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.facts.FactsSource;
import io.github.wasmaot.format.profile.ProfileDataException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * What one pinned runtime allocates from an {@code Alloc_With_Pool} buffer, read from
 * {@code pool-sizing/<profile>.json}: the pool allocator ({@code ems}) rules, what the loader, the instance, the
 * exec env and WASI take, and how a build configuration decides where linear memory lives. Data only; the
 * calculator lives in the {@code pool-sizing} module.
 *
 * @param profile        runtime profile name
 * @param source         where the facts were read (WAMR files)
 * @param allocator      the pool allocator's own bookkeeping
 * @param load           what {@code wasm_runtime_load} keeps or holds at its peak
 * @param instance       what {@code wasm_runtime_instantiate} adds besides linear memory
 * @param execEnv        what {@code wasm_runtime_create_exec_env} adds besides the stack
 * @param configurations build configurations by key (e.g. {@code hw-bound-check}, {@code no-hw-bound-check})
 * @param defaultConfiguration the key a Linux build with default options has
 * @param structs        bytes of each allocation the runtime makes, by name (see {@link #struct})
 */
public record PoolSizingFacts(@JsonProperty(value = "profile", required = true) String profile,
                              @JsonProperty("source") FactsSource source,
                              @JsonProperty(value = "allocator", required = true) Allocator allocator,
                              @JsonProperty(value = "load", required = true) Load load,
                              @JsonProperty(value = "instance", required = true) Instance instance,
                              @JsonProperty(value = "execEnv", required = true) ExecEnv execEnv,
                              @JsonProperty(value = "configurations", required = true)
                              Map<String, Configuration> configurations,
                              @JsonProperty(value = "defaultConfiguration", required = true)
                              String defaultConfiguration,
                              @JsonProperty("structs") Map<String, Long> structs) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String BASE = "/io/github/wasmaot/format/pool-sizing/";

    public PoolSizingFacts {
        configurations = Map.copyOf(configurations);
        structs = structs == null ? Map.of() : Map.copyOf(structs);
    }

    /**
     * Bytes the runtime requests for one named allocation (struct sizes on 64-bit targets, read off
     * aot_loader.c / aot_runtime.c and a traced run of the real runtime); empty when the runtime does not make it.
     */
    public Optional<Long> struct(String name) {
        return Optional.ofNullable(structs.get(name));
    }

    /** The facts shipped for {@code profileName}, if the profile has a sizing model. */
    public static Optional<PoolSizingFacts> forProfile(String profileName) {
        String path = BASE + profileName + ".json";
        try (InputStream in = PoolSizingFacts.class.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(in, PoolSizingFacts.class));
        } catch (IOException e) {
            throw new ProfileDataException("cannot read pool sizing facts " + path + ": " + e.getMessage(), e);
        }
    }

    public Optional<Configuration> configuration(String key) {
        return Optional.ofNullable(configurations.get(key));
    }

    /**
     * The {@code ems} allocator (core/shared/mem-alloc/ems).
     *
     * @param heapStructBytes bytes of the pool taken by {@code gc_heap_t} before the first block (init minimum)
     * @param blockHeaderBytes {@code HMU_SIZE}: header in front of every block
     * @param alignment        every block size is rounded up to this ({@code GC_ALIGN_8})
     * @param smallestBlock    {@code GC_SMALLEST_SIZE}
     * @param appHeapStructBytes bytes of the pool the app heap's own {@code gc_heap_t} takes (the app heap inside
     *                         linear memory is a second ems heap)
     * @param mutexExtraBytesByIsa bytes each heap struct grows by on an ISA whose {@code pthread_mutex_t} is bigger
     *                         than x86_64's 40 (glibc aarch64: 48)
     */
    public record Allocator(@JsonProperty(value = "heapStructBytes", required = true) long heapStructBytes,
                            @JsonProperty(value = "blockHeaderBytes", required = true) long blockHeaderBytes,
                            @JsonProperty(value = "alignment", required = true) long alignment,
                            @JsonProperty(value = "smallestBlock", required = true) long smallestBlock,
                            @JsonProperty(value = "appHeapStructBytes", required = true) long appHeapStructBytes,
                            @JsonProperty("mutexExtraBytesByIsa") Map<String, Long> mutexExtraBytesByIsa) {
        public Allocator {
            mutexExtraBytesByIsa = mutexExtraBytesByIsa == null ? Map.of() : Map.copyOf(mutexExtraBytesByIsa);
        }

        /** Extra bytes per heap struct on {@code isa}. */
        public long mutexExtra(String isa) {
            return mutexExtraBytesByIsa.getOrDefault(isa, 0L);
        }

        /** The pool bytes one {@code malloc(size)} takes: header added, rounded to the alignment. */
        public long block(long size) {
            long total = (size + blockHeaderBytes + alignment - 1) / alignment * alignment;
            return Math.max(total, smallestBlock);
        }
    }

    /**
     * The loader. Its peak is modelled as fixed structs plus per-item arrays plus the image bytes it copies
     * (init data, names, relocation tables it reads into temporary lists); the code is mapped outside the pool.
     *
     * @param fixedPointerWords  pointer-sized words of the fixed structs ({@code AOTModule} and friends)
     * @param fixedBytes         bytes of the fixed structs that do not scale with the pointer size
     * @param perFunctionPointerWords pointer-sized words per function ({@code func_ptrs}, ...)
     * @param perFunctionBytes   bytes per function ({@code func_type_indexes}, ...)
     * @param perTypeBytes       bytes per function type ({@code AOTFuncType} header, one block)
     * @param nonTextByteFactor  pool bytes per image byte outside the text section (copies and temporary lists)
     * @param transientNonTextFactor of those, the bytes per non-text image byte the loader frees before it
     *                           returns (relocation and symbol lists), which the instance then reuses
     */
    public record Load(@JsonProperty(value = "fixedPointerWords", required = true) long fixedPointerWords,
                       @JsonProperty(value = "fixedBytes", required = true) long fixedBytes,
                       @JsonProperty(value = "perFunctionPointerWords", required = true) long perFunctionPointerWords,
                       @JsonProperty(value = "perFunctionBytes", required = true) long perFunctionBytes,
                       @JsonProperty(value = "perTypeBytes", required = true) long perTypeBytes,
                       @JsonProperty(value = "nonTextByteFactor", required = true) double nonTextByteFactor,
                       @JsonProperty(value = "transientNonTextFactor", required = true)
                       double transientNonTextFactor) {
    }

    /**
     * The instance besides linear memory.
     *
     * @param fixedBytes        {@code AOTModuleInstance}, memory instance, WASI context and fd table
     * @param perGlobalBytes    global data per global (8: every global takes a 64-bit cell at most)
     * @param perTableElemBytes table data per element ({@code uint32} function index)
     * @param perFunctionPointerWords pointer-sized words per function in the instance ({@code func_ptrs})
     * @param noMemoryAppHeapRoundsToPage whether a module without memory gets an app heap rounded up to one page
     * @param appHeapWholePagesUnlessSinglePage whether the app heap is inserted into linear memory as whole pages
     *                          (rounded up), except for a memory of exactly one page at most, where it is appended
     * @param appHeapStructWithoutHeap whether a module with memory gets an app heap struct even for heap_size 0
     * @param startFunctionCallBytes what calling the start function during instantiation takes besides its exec env
     *                          (measured: at most 233 bytes on either runtime)
     */
    public record Instance(@JsonProperty(value = "fixedBytes", required = true) long fixedBytes,
                           @JsonProperty(value = "perGlobalBytes", required = true) long perGlobalBytes,
                           @JsonProperty(value = "perTableElemBytes", required = true) long perTableElemBytes,
                           @JsonProperty(value = "perFunctionPointerWords", required = true)
                           long perFunctionPointerWords,
                           @JsonProperty(value = "noMemoryAppHeapRoundsToPage", required = true)
                           boolean noMemoryAppHeapRoundsToPage,
                           @JsonProperty(value = "appHeapWholePagesUnlessSinglePage", required = true)
                           boolean appHeapWholePagesUnlessSinglePage,
                           @JsonProperty(value = "appHeapStructWithoutHeap", required = true)
                           boolean appHeapStructWithoutHeap,
                           @JsonProperty(value = "startFunctionCallBytes", required = true)
                           long startFunctionCallBytes) {
    }

    /**
     * @param structBytes {@code WASMExecEnv} up to the wasm stack ({@code offsetof(WASMExecEnv, wasm_stack_u)})
     *                    plus its block header
     */
    public record ExecEnv(@JsonProperty(value = "structBytes", required = true) long structBytes) {
    }

    /**
     * A build configuration.
     *
     * @param buildSwitch        the cmake switch that selects it
     * @param linearMemoryInPool whether linear memory (and the app heap in it) is allocated from the pool, or
     *                           mapped outside it (guard pages)
     * @param growReallocates    whether {@code memory.grow} reallocates linear memory inside the pool (old and
     *                           new copies live at once)
     * @param description        one line for reports
     */
    public record Configuration(@JsonProperty(value = "buildSwitch", required = true) String buildSwitch,
                                @JsonProperty(value = "linearMemoryInPool", required = true)
                                boolean linearMemoryInPool,
                                @JsonProperty(value = "growReallocates", required = true) boolean growReallocates,
                                @JsonProperty("description") String description) {
    }
}
