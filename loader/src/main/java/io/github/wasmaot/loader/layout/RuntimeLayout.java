package io.github.wasmaot.loader.layout;

import java.util.Optional;

/**
 * How one pinned runtime lays out what AOT code reads, plus the iwasm defaults that shape an instance.
 *
 * @param moduleTypeAot value of module_type for AOT instances (Wasm_Module_AoT)
 * @param defaultHeapSize iwasm's default --heap-size
 * @param exceptionUnwinds whether aot_set_exception_with_id abandons the running AOT code (hardware bound
 *     check builds touch an exception guard page and longjmp out) instead of returning to it
 */
public record RuntimeLayout(String profile, ExecEnvLayout execEnv, ModuleInstanceLayout moduleInstance,
                            MemoryInstanceLayout memoryInstance, TableInstanceLayout tableInstance,
                            int moduleTypeAot, int defaultHeapSize, boolean exceptionUnwinds) {

    /**
     * Layouts for the profiles whose structs have been read. Offsets are for 64-bit targets; each
     * constant names the WAMR file and lines it comes from at the profile's revision.
     */
    public static Optional<RuntimeLayout> forProfile(String profile) {
        return switch (profile) {
            case "wamr-cba4c782" -> Optional.of(legacy());
            case "wamr-2.4" -> Optional.of(wamr24());
            default -> Optional.empty();
        };
    }

    private static RuntimeLayout legacy() {
        // cba4c782 core/iwasm/common/wasm_exec_env.h:33-82 (next, prev, module_inst, argv_buf,
        // native_stack_boundary, suspend_flags, aux_stack_boundary, aux_stack_bottom, native_symbol)
        ExecEnvLayout execEnv = new ExecEnvLayout(512, 16, 24, 32, 40, 48, 56, 64);
        // cba4c782 core/iwasm/aot/aot_runtime.h:301-372: module_type@0, memory_count@4, memories@8,
        // global_data_size@16, table_count@20, global_data@24, tables@32, func_ptrs@40, func_type_indexes@48,
        // 4 export counts + 4 export pointers, cur_exception[128]@104, 5 pointers, temp_ret, llvm_stack,
        // default_wasm_stack_size, reserved[9] -> global_table_data@320
        ModuleInstanceLayout inst = new ModuleInstanceLayout(0, 4, 8, 16, 20, 24, 32, 40, 48, 104, 128, -1, 320, 0);
        // cba4c782 core/iwasm/aot/aot_runtime.h:259-283: module_type@0, is_shared@4, num_bytes_per_page@8,
        // cur_page_count@12, max_page_count@16, memory_data_size(uint32)@20, memory_data@24,
        // memory_data_end@32, heap_data@40, heap_data_end@48, heap_handle@56, mem_bound_check_*@64..96
        MemoryInstanceLayout mem = new MemoryInstanceLayout(104, 0, 8, 12, 16, 20, 4, 24, 32, 40, 48, 64);
        // cba4c782 core/iwasm/aot/aot_runtime.h:285-299: cur_size@0, max_size@4, uint32 data[]@8;
        // null element is (uint32)-1 (aot_runtime.c table_instantiate memset 0xff)
        TableInstanceLayout table = new TableInstanceLayout(-1, 0, 4, 8, 4, 0xffffffffL);
        // Wasm_Module_AoT = 1: cba4c782 core/iwasm/include/wasm_export.h:90-92;
        // default heap 16 KiB: cba4c782 product-mini/platforms/linux/main.c:224
        // aot_set_exception_with_id only writes the buffer: cba4c782 aot_runtime.c:1588-1640
        return new RuntimeLayout("wamr-cba4c782", execEnv, inst, mem, table, 1, 16 * 1024, false);
    }

    private static RuntimeLayout wamr24() {
        // WAMR-2.4.4 core/iwasm/common/wasm_exec_env.h:37-88, checked by the static asserts in
        // core/iwasm/aot/aot_runtime.c:25-44 (cur_frame@8, module_inst@16 ... native_symbol@64)
        ExecEnvLayout execEnv = new ExecEnvLayout(512, 16, 24, 32, 40, 48, 56, 64);
        // WAMR-2.4.4 core/iwasm/interpreter/wasm_runtime.h:396-482 (WASMModuleInstance, aliased as
        // AOTModuleInstance): memories@8, global_data@24, tables@32, func_ptrs@40, func_type_indexes@48,
        // cur_exception[128]@104, module@232 ... e@304, default_wasm_stack_size@312, reserved[7],
        // global_table_data@344 (aot_runtime.c:46-53 asserts cur_exception == 13*8 and
        // global_table_data == 13*8+128+14*8)
        ModuleInstanceLayout inst = new ModuleInstanceLayout(0, 4, 8, 16, 20, 24, 32, 40, 48, 104, 128, 304, 344, 64);
        // WAMR-2.4.4 core/iwasm/interpreter/wasm_runtime.h:113-166: module_type@0, is_shared_memory@4,
        // is_memory64@5, ref_count@6, paddings@8, num_bytes_per_page@12, cur_page_count@16,
        // max_page_count@20, memory_data_size(uint64)@24, memory_data@32, memory_data_end@40, heap_data@48,
        // heap_data_end@56, heap_handle@64, memory_lock@72, mem_bound_check_*@80..112;
        // sizeof == 120 asserted at aot_runtime.c:55
        MemoryInstanceLayout mem = new MemoryInstanceLayout(120, 0, 12, 16, 20, 24, 8, 32, 40, 48, 56, 80);
        // WAMR-2.4.4 core/iwasm/interpreter/wasm_runtime.h:175-192: elem_type@0, is_table64@1,
        // elem_ref_type@8, cur_size@16, max_size@20, table_elem_type_t elems[]@24 (uintptr_t, 8 bytes;
        // elems == 24 asserted at aot_runtime.c:56); null funcref is NULL_REF (0xFFFFFFFF)
        TableInstanceLayout table = new TableInstanceLayout(0, 16, 20, 24, 8, 0xffffffffL);
        // Wasm_Module_AoT = 1: WAMR-2.4.4 core/iwasm/include/wasm_export.h:163;
        // default heap 0 with libc-wasi: WAMR-2.4.4 product-mini/platforms/posix/main.c:576-580;
        // AOTModuleInstanceExtra: stack_sizes@0 ... shared_heap@32 (aot_runtime.c:59-64), 64 bytes reserved
        // aot_set_exception_with_id touches the exception guard page under OS_ENABLE_HW_BOUND_CHECK (set for
        // 64-bit Linux builds): WAMR-2.4.4 aot_runtime.c:2783-2790, wasm_runtime_common.c:2335-2341
        return new RuntimeLayout("wamr-2.4", execEnv, inst, mem, table, 1, 0, true);
    }
}
