package io.github.wasmaot.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.profile.runtime.ExecEnvStruct;
import io.github.wasmaot.format.profile.runtime.IwasmBehaviour;
import io.github.wasmaot.format.profile.runtime.RuntimeData;
import io.github.wasmaot.format.profile.runtime.RuntimeStructs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code "runtime"} block of the pinned profiles loads, and its offsets agree with what WAMR itself asserts
 * (WAMR-2.4.4 core/iwasm/aot/aot_runtime.c bh_static_assert lines) or, for cba4c782 which has no such asserts,
 * with the offsets re-derived here from the field sizes of its struct declarations (64-bit: pointers 8 bytes).
 */
class RuntimeStructsTest {
    private static final int PTR = 8;

    private static RuntimeData runtime(String profile) {
        return ProfileCatalog.byNameOrAlias(profile).orElseThrow().runtime().orElseThrow();
    }

    @Test
    void current24MatchesWamrStaticAsserts() {
        RuntimeStructs s = runtime("wamr-2.4").structs();
        // aot_runtime.c:25-44: offsetof(WASMExecEnv, module_inst) == 2 * sizeof(uintptr_t) ...
        ExecEnvStruct e = s.execEnv();
        assertEquals(2 * PTR, e.moduleInst());
        assertEquals(3 * PTR, e.argvBuf());
        assertEquals(4 * PTR, e.nativeStackBoundary());
        assertEquals(5 * PTR, e.suspendFlags());
        assertEquals(6 * PTR, e.auxStackBoundary());
        assertEquals(7 * PTR, e.auxStackBottom());
        assertEquals(8 * PTR, e.nativeSymbol());
        // aot_runtime.c:46-53: memories == 1*8, func_ptrs == 5*8, func_type_indexes == 6*8,
        // cur_exception == 13*8, global_table_data == 13*8 + 128 + 14*8
        assertEquals(1 * 8, s.moduleInstance().memories());
        assertEquals(5 * 8, s.moduleInstance().funcPtrs());
        assertEquals(6 * 8, s.moduleInstance().funcTypeIndexes());
        assertEquals(13 * 8, s.moduleInstance().curException());
        assertEquals(13 * 8 + 128 + 14 * 8, s.moduleInstance().globalTableData());
        assertEquals(128, s.moduleInstance().curExceptionLength());
        // c_api_func_imports == 13*8 + 128 + 7*8; cur_exec_env and e follow it, one pointer each
        assertEquals(13 * 8 + 128 + 7 * 8 + 2 * PTR, s.moduleInstance().extra().getAsInt());
        // aot_runtime.c:55: sizeof(AOTMemoryInstance) == 120; :56: offsetof(AOTTableInstance, elems) == 24
        assertEquals(120, s.memoryInstance().size());
        assertEquals(24, s.tableInstance().elems());
        assertEquals(PTR, s.tableInstance().elemBytes());
        assertEquals(8, s.memoryInstance().memoryDataSizeBytes());
        assertTrue(s.memoryInstance().source().startsWith("WAMR-2.4.4 "));
    }

    @Test
    void legacyMatchesOffsetsDerivedFromItsStructs() {
        RuntimeStructs s = runtime("wamr-cba4c782").structs();
        // wasm_exec_env.h: next, prev, module_inst, argv_buf, native_stack_boundary, then pointer-wide unions
        assertEquals(2 * PTR, s.execEnv().moduleInst());
        assertEquals(3 * PTR, s.execEnv().argvBuf());
        assertEquals(8 * PTR, s.execEnv().nativeSymbol());
        // aot_runtime.h AOTModuleInstance: u32 module_type, u32 memory_count, ptr memories, u32 global_data_size,
        // u32 table_count, 4 ptrs (global_data, tables, func_ptrs, func_type_indexes), 4 u32 export counts,
        // 4 export ptrs, char cur_exception[128], 5 ptrs, 3 u32, u32 reserved[9], then global_table_data
        int funcPtrs = 4 + 4 + PTR + 4 + 4 + 2 * PTR;
        int curException = funcPtrs + 2 * PTR + 4 * 4 + 4 * PTR;
        int globalTableData = curException + 128 + 5 * PTR + 3 * 4 + 9 * 4;
        assertEquals(funcPtrs, s.moduleInstance().funcPtrs());
        assertEquals(funcPtrs + PTR, s.moduleInstance().funcTypeIndexes());
        assertEquals(curException, s.moduleInstance().curException());
        assertEquals(globalTableData, s.moduleInstance().globalTableData());
        assertTrue(s.moduleInstance().extra().isEmpty());
        // AOTMemoryInstance: u32 module_type, bool is_shared (padded to 4), 4 u32 (num_bytes_per_page,
        // cur_page_count, max_page_count, memory_data_size), 5 ptrs, 5 u64 MemBound
        assertEquals(4 + 4 + 4, s.memoryInstance().curPageCount());
        assertEquals(4 + 4 + 3 * 4, s.memoryInstance().memoryDataSize());
        assertEquals(4 + 4 + 4 * 4, s.memoryInstance().memoryData());
        assertEquals(4 + 4 + 4 * 4 + 5 * PTR, s.memoryInstance().memBoundCheck1Byte());
        assertEquals(4 + 4 + 4 * 4 + 5 * PTR + 5 * 8, s.memoryInstance().size());
        assertEquals(4, s.memoryInstance().memoryDataSizeBytes());
        // AOTTableInstance: u32 cur_size, u32 max_size, u32 data[]
        assertEquals(0, s.tableInstance().curSize());
        assertEquals(8, s.tableInstance().elems());
        assertEquals(4, s.tableInstance().elemBytes());
        assertTrue(s.tableInstance().elemTypeOffset().isEmpty());
        assertTrue(s.execEnv().source().startsWith("cba4c782 "));
    }

    @Test
    void iwasmBehaviourOfThePinnedRuntimes() {
        IwasmBehaviour legacy = runtime("legacy").iwasm();
        assertEquals(16 * 1024, legacy.defaultHeapSize());
        assertEquals(0, legacy.exitCode(true, null));
        assertEquals(0, legacy.exitCode(false, 3));
        assertFalse(legacy.exceptionUnwinds());
        IwasmBehaviour current = runtime("current").iwasm();
        assertEquals(0, current.defaultHeapSize());
        assertEquals(1, current.exitCode(true, null));
        assertEquals(3, current.exitCode(false, 3));
        assertEquals(0, current.exitCode(false, null));
        assertTrue(current.exceptionUnwinds());
        assertEquals(1, runtime("legacy").moduleTypes().wasmModuleAot());
        assertEquals(1, runtime("current").moduleTypes().wasmModuleAot());
    }

    /**
     * Each family's offsets against the numbers its own core/iwasm/aot/aot_runtime.c asserts (bh_static_assert):
     * cur_exception == 13*8, global_table_data == 13*8+128+N*8 (N = 11 in 1.3.x, 14 from 2.0.0 on),
     * sizeof(AOTMemoryInstance) == 104 / 120, offsetof(AOTTableInstance, elems) == 8 / 24.
     */
    @ParameterizedTest
    @CsvSource({"wamr-1.3,104,320,104,8,296,4", "wamr-2.0,104,344,120,24,304,8", "wamr-2.1,104,344,120,24,304,8",
            "wamr-2.2,104,344,120,24,304,8", "wamr-2.3,104,344,120,24,304,8", "wamr-2.4,104,344,120,24,304,8",
            "wamr-main-646b5a9,104,344,120,24,304,8"})
    void everyFamilyHasTheOffsetsItsRuntimeAsserts(String name, int curException, int globalTableData,
                                                   int memoryInstanceSize, int elems, int extra, int elemBytes) {
        RuntimeStructs s = runtime(name).structs();
        assertEquals(curException, s.moduleInstance().curException());
        assertEquals(globalTableData, s.moduleInstance().globalTableData());
        assertEquals(memoryInstanceSize, s.memoryInstance().size());
        assertEquals(elems, s.tableInstance().elems());
        assertEquals(extra, s.moduleInstance().extra().orElseThrow());
        assertEquals(elemBytes, s.tableInstance().elemBytes());
        assertEquals(2 * PTR, s.execEnv().moduleInst());
        assertEquals(8 * PTR, s.execEnv().nativeSymbol());
        assertEquals(5 * PTR, s.moduleInstance().funcPtrs());
    }

    @Test
    void aMissingOffsetIsNamed() {
        String json = "{\"source\":\"x\",\"argv_buf\":24,\"native_stack_boundary\":32,\"suspend_flags\":40,"
                + "\"aux_stack_boundary\":48,\"aux_stack_bottom\":56,\"native_symbol\":64}";
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> new ObjectMapper().readValue(json, ExecEnvStruct.class));
        assertTrue(e.getMessage().contains("module_inst"), e.getMessage());
    }
}
