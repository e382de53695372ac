package io.github.wasmaot.loader.layout;

/**
 * AOTModuleInstance (64-bit targets): the fixed header up to {@code globalTableData}, after which the runtime
 * places the memory instances, then global data, then table instances (and, from 2.x, the extra struct).
 *
 * @param extra offset of the pointer to AOTModuleInstanceExtra, or -1 when the revision has none
 * @param extraSize bytes the loader reserves for AOTModuleInstanceExtra (0 when none)
 */
public record ModuleInstanceLayout(int moduleType, int memoryCount, int memories, int globalDataSize,
                                   int tableCount, int globalData, int tables, int funcPtrs, int funcTypeIndexes,
                                   int curException, int exceptionBufLen, int extra, int globalTableData,
                                   int extraSize) {
    public boolean hasExtra() {
        return extra >= 0;
    }
}
