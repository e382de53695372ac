package io.github.wasmaot.format.profile.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code AOTMemoryInstance}. The five {@code mem_bound_check_*} fields (1, 2, 4, 8, 16 bytes) follow
 * {@code mem_bound_check_1byte}, 8 bytes each.
 *
 * @param source              where the offsets come from (WAMR file and lines at the profile's commit)
 * @param size                {@code sizeof(AOTMemoryInstance)}
 * @param memoryDataSizeBytes width of {@code memory_data_size} (4: uint32, 8: uint64)
 */
public record MemoryInstanceStruct(@JsonProperty(value = "source", required = true) String source,
                                   @JsonProperty(value = "size", required = true) int size,
                                   @JsonProperty(value = "module_type", required = true) int moduleType,
                                   @JsonProperty(value = "num_bytes_per_page", required = true) int numBytesPerPage,
                                   @JsonProperty(value = "cur_page_count", required = true) int curPageCount,
                                   @JsonProperty(value = "max_page_count", required = true) int maxPageCount,
                                   @JsonProperty(value = "memory_data_size", required = true) int memoryDataSize,
                                   @JsonProperty(value = "memoryDataSizeBytes", required = true)
                                   int memoryDataSizeBytes,
                                   @JsonProperty(value = "memory_data", required = true) int memoryData,
                                   @JsonProperty(value = "memory_data_end", required = true) int memoryDataEnd,
                                   @JsonProperty(value = "heap_data", required = true) int heapData,
                                   @JsonProperty(value = "heap_data_end", required = true) int heapDataEnd,
                                   @JsonProperty(value = "mem_bound_check_1byte", required = true)
                                   int memBoundCheck1Byte) {
    /** The access widths of the five mem_bound_check fields, in order. */
    public static final int[] BOUND_CHECK_WIDTHS = {1, 2, 4, 8, 16};

    public MemoryInstanceStruct {
        if (memoryDataSizeBytes != 4 && memoryDataSizeBytes != 8) {
            throw new IllegalArgumentException("memoryDataSizeBytes must be 4 or 8, got " + memoryDataSizeBytes);
        }
    }
}
