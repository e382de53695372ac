package io.github.wasmaot.format.profile.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalInt;

/**
 * {@code AOTModuleInstance}: the fixed header up to {@code global_table_data}, after which the runtime places
 * the memory instances, then the global data, then the table instances.
 *
 * @param source                where the offsets come from (WAMR file and lines at the profile's commit)
 * @param curExceptionLength    bytes of {@code char cur_exception[]} ({@code EXCEPTION_BUF_LEN})
 * @param e                     offset of {@code e}, the {@code AOTModuleInstanceExtra *}; null when the revision has
 *                              none
 */
public record ModuleInstanceStruct(@JsonProperty(value = "source", required = true) String source,
                                   @JsonProperty(value = "module_type", required = true) int moduleType,
                                   @JsonProperty(value = "memory_count", required = true) int memoryCount,
                                   @JsonProperty(value = "memories", required = true) int memories,
                                   @JsonProperty(value = "global_data_size", required = true) int globalDataSize,
                                   @JsonProperty(value = "table_count", required = true) int tableCount,
                                   @JsonProperty(value = "global_data", required = true) int globalData,
                                   @JsonProperty(value = "tables", required = true) int tables,
                                   @JsonProperty(value = "func_ptrs", required = true) int funcPtrs,
                                   @JsonProperty(value = "func_type_indexes", required = true) int funcTypeIndexes,
                                   @JsonProperty(value = "cur_exception", required = true) int curException,
                                   @JsonProperty(value = "curExceptionLength", required = true) int curExceptionLength,
                                   @JsonProperty("e") Integer e,
                                   @JsonProperty(value = "global_table_data", required = true) int globalTableData) {

    /** Offset of the {@code AOTModuleInstanceExtra} pointer, when the revision has one. */
    public OptionalInt extra() {
        return e == null ? OptionalInt.empty() : OptionalInt.of(e);
    }
}
