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
 * {@code pool-sizing/<profile>.json}: the pool allocator ({@code ems}) rules, the bytes of each allocation the
 * loader, the instance, WASI and the exec env make ({@code structs}), how linear memory is sized, and how a build
 * configuration decides where linear memory lives. Data only; the
 * calculator lives in the {@code pool-sizing} module.
 *
 * @param profile        runtime profile name
 * @param source         where the facts were read (WAMR files)
 * @param allocator      the pool allocator's own bookkeeping
 * @param instance       how the runtime sizes linear memory with the app heap in it
 * @param configurations build configurations by key (e.g. {@code hw-bound-check}, {@code no-hw-bound-check})
 * @param defaultConfiguration the key a Linux build with default options has
 * @param structs        bytes of each allocation the runtime makes, by name (see {@link #struct})
 */
public record PoolSizingFacts(@JsonProperty(value = "profile", required = true) String profile,
                              @JsonProperty("source") FactsSource source,
                              @JsonProperty(value = "allocator", required = true) Allocator allocator,
                              @JsonProperty(value = "instance", required = true) Instance instance,
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
     * @param mutexExtraBytesByIsa bytes each heap struct grows by on an ISA whose {@code pthread_mutex_t} is bigger
     *                         than x86_64's 40 (glibc aarch64: 48)
     */
    public record Allocator(@JsonProperty(value = "heapStructBytes", required = true) long heapStructBytes,
                            @JsonProperty(value = "blockHeaderBytes", required = true) long blockHeaderBytes,
                            @JsonProperty(value = "alignment", required = true) long alignment,
                            @JsonProperty(value = "smallestBlock", required = true) long smallestBlock,
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
     * How linear memory is sized with the app heap in it (aot_runtime.c {@code memory_instantiate}).
     *
     * @param noMemoryAppHeapRoundsToPage whether a module without memory gets an app heap rounded up to one page
     * @param appHeapWholePagesUnlessSinglePage whether the app heap is inserted into linear memory as whole pages
     *                          (rounded up), except for a memory of exactly one page at most, where it is appended
     */
    public record Instance(@JsonProperty(value = "noMemoryAppHeapRoundsToPage", required = true)
                           boolean noMemoryAppHeapRoundsToPage,
                           @JsonProperty(value = "appHeapWholePagesUnlessSinglePage", required = true)
                           boolean appHeapWholePagesUnlessSinglePage) {
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
