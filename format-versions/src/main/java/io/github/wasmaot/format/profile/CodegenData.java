package io.github.wasmaot.format.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a compiler needs to know to emit images this runtime runs, read from the profile's optional
 * {@code "codegen"} block. Every number was read from the pinned WAMR source and checked against the real
 * wamrc images of the same revision (see docs/codegen-notes.md).
 *
 * @param stringsIncludeNul    whether stored strings (export names, relocation symbols) count their trailing NUL
 * @param initExprForm         {@code "slot64"}: every init expression is a type tag plus a 64-bit slot;
 *                             {@code "typed"}: the payload width follows the type
 * @param functionCellNums     whether the function section carries max local/stack cell numbers per function
 * @param defaultMaxMemoryPages max page count the loader gives a memory declared without maximum when the
 *                             module can grow memory (without {@code memory.grow} the max is the initial size)
 * @param funcSegmentElemType  elem type stored for an element segment of function indexes (legacy 0,
 *                             2.4 REF_TYPE_HT_NON_NULLABLE 0x64)
 * @param segmentRefType       whether element segments carry an elem ref type (AOT v5)
 * @param relocMode            LLVM relocation model wamrc uses ({@code "static"})
 * @param functionSymbolPrefix name prefix of defined functions in the object (index appended)
 * @param isas                 per ISA: triple, arch string, CPU, code model
 * @param defaultMaxTableSize  the loader's floor for a table's default maximum size
 * @param exceptionIds         the runtime's exception ids by name (argument of {@code aot_set_exception_with_id})
 * @param runtimeFunctions     names of the runtime helpers the code may call
 * @param missingLibcalls      C library functions LLVM may call that this runtime cannot resolve (e.g. legacy has
 *                             no {@code memcpy}): the compiler forbids LLVM to introduce them
 * @param helperArgs           how the table and bulk-memory helpers take the arguments whose width differs
 */
public record CodegenData(boolean stringsIncludeNul, String initExprForm, boolean functionCellNums,
                          long defaultMaxMemoryPages, int funcSegmentElemType,
                          boolean segmentRefType, String relocMode, String functionSymbolPrefix, Map<String, IsaCodegen> isas,
                          long defaultMaxTableSize, Map<String, Integer> exceptionIds, RuntimeFunctions runtimeFunctions,
                          List<String> missingLibcalls, HelperArgs helperArgs) {
    public CodegenData {
        missingLibcalls = missingLibcalls == null ? List.of() : List.copyOf(missingLibcalls);
        isas = Map.copyOf(isas);
        exceptionIds = Map.copyOf(exceptionIds);
    }

    public Optional<IsaCodegen> isa(String isa) {
        return Optional.ofNullable(isas.get(isa));
    }

    /** The id of a named exception, e.g. {@code "integer divide by zero"}. */
    public int exceptionId(String name) {
        Integer id = exceptionIds.get(name);
        if (id == null) {
            throw new ProfileDataException("codegen data has no exception id for \"" + name + "\"");
        }
        return id;
    }

    /**
     * One ISA.
     *
     * @param triple    LLVM target triple
     * @param arch      the target-info arch string the loader expects
     * @param cpu       LLVM CPU name
     * @param features  LLVM feature string
     * @param codeModel LLVM code model ({@code "small"}, {@code "large"}): wamrc's default size level 3 gives small
     * @param allowedCpus CPUs the compiler accepts for this ISA
     * @param tailCalls whether the loader can apply the relocation of a tail call (legacy aarch64 has no
     *                  R_AARCH64_JUMP26, so tail calls must be disabled there)
     */
    public record IsaCodegen(String triple, String arch, String cpu, String features, String codeModel,
                             List<String> allowedCpus, boolean tailCalls) {
        public IsaCodegen {
            allowedCpus = List.copyOf(allowedCpus);
        }
    }

    /**
     * Runtime helpers the code calls by name.
     *
     * @param setExceptionWithId {@code void (module_inst, u32 id)}
     * @param enlargeMemory      {@code bool (module_inst, u32 inc_pages)}
     * @param invokeNative       {@code bool (exec_env, u32 import_func_idx, u32 argc, u32 *argv)}: calls an
     *                           imported function with its arguments in 32-bit cells; the result comes back in
     *                           {@code argv}; false when an exception was raised
     * @param callIndirect       {@code bool (exec_env, u32 tbl_idx, u32 elem_idx, u32 argc, u32 *argv)}: an
     *                           indirect call whose table element names an import (wamrc calls only those through
     *                           the runtime); cells in and out as {@code invokeNative}
     * @param tableInit        {@code void (module_inst, u32 tbl, u32 seg, u32 len, u32 src, u32 dst)}
     * @param tableCopy        {@code void (module_inst, u32 src_tbl, u32 dst_tbl, u32 len, u32 src, u32 dst)}
     * @param tableFill        {@code void (module_inst, u32 tbl, u32 len, VALUE val, u32 dst)}, VALUE per
     *                         {@link HelperArgs#tableValue()}
     * @param tableGrow        {@code u32 (module_inst, u32 tbl, u32 inc, VALUE init)}: old size or -1
     * @param dropTableSegment {@code void (module_inst, u32 seg)}
     * @param memoryInit       {@code bool (module_inst, u32 seg, u32 offset, u32 len, DST dst)}, DST per
     *                         {@link HelperArgs#memoryInitDestinationBytes()}; false when it raised an exception
     * @param dataDrop         {@code bool (module_inst, u32 seg)}
     */
    public record RuntimeFunctions(String setExceptionWithId, String enlargeMemory, String invokeNative,
                                   String callIndirect, String tableInit, String tableCopy, String tableFill, String tableGrow,
                                   String dropTableSegment, String memoryInit, String dataDrop) {
    }

    /**
     * Argument types of the runtime helpers that differ between revisions.
     *
     * @param source                     where in the pinned WAMR source this comes from
     * @param tableValue                 how a table element value is passed: {@code "i32"} or {@code "pointer"}
     *                                   (the i32 reference zero-extended to a pointer-sized integer)
     * @param memoryInitDestinationBytes width of {@code aot_memory_init}'s destination address: 4 or 8 (size_t)
     */
    public record HelperArgs(String source, String tableValue, int memoryInitDestinationBytes) {
        public boolean tableValueIsPointer() {
            return "pointer".equals(tableValue);
        }
    }
}
