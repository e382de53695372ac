package io.github.wasmaot.loader.layout;

/**
 * AOTMemoryInstance (64-bit targets): the fields AOT code and the loader use.
 *
 * @param memoryDataSizeWidth 4 (uint32) or 8 (uint64) bytes
 * @param memBoundCheck1Byte offset of mem_bound_check_1byte; the 2/4/8/16-byte variants follow, 8 bytes each
 */
public record MemoryInstanceLayout(int size, int moduleType, int numBytesPerPage, int curPageCount,
                                   int maxPageCount, int memoryDataSize, int memoryDataSizeWidth, int memoryData,
                                   int memoryDataEnd, int heapData, int heapDataEnd, int memBoundCheck1Byte) {
    /** The access widths of the five mem_bound_check fields, in order. */
    public static final int[] BOUND_CHECK_WIDTHS = {1, 2, 4, 8, 16};
}
