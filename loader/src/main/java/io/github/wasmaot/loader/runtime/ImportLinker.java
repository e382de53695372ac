package io.github.wasmaot.loader.runtime;

import static io.github.wasmaot.loader.ValueType.I32;
import static io.github.wasmaot.loader.ValueType.I64;

import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.FuncType;
import io.github.wasmaot.format.section.init.ImportFunc;
import io.github.wasmaot.loader.TrapKind;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.HostFunction;
import io.github.wasmaot.loader.backend.HostSignature;
import io.github.wasmaot.loader.wasi.WasiFunction;
import io.github.wasmaot.loader.wasi.WasiPreview1;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Links imported functions to the WASI host and serves the runtime symbols AOT code uses to reach them:
 * <ul>
 * <li>{@code aot_invoke_native(exec_env, func_idx, argc, argv)}: arguments and results in 32-bit cells
 * (cba4c782 aot_runtime.c:2207; every import call of legacy code);</li>
 * <li>a native entry per import with the function's WAMR native signature, called through func_ptrs with
 * exec_env first and app addresses already converted to native pointers (WAMR-2.4.4 aot_emit_function.c
 * import calls with a known signature);</li>
 * <li>{@code aot_check_app_addr_and_convert(inst, is_str, app_addr, size, &native)} (WAMR-2.4.4
 * aot_runtime.c:3498; with hardware bound checks the address is not range-checked);</li>
 * <li>{@code aot_call_indirect(exec_env, tbl_idx, elem_idx, argc, argv)}: code calls it only for table
 * entries naming imports (aot_emit_function.c: func_idx &lt; import_func_count).</li>
 * </ul>
 */
final class ImportLinker {
    private final Backend backend;
    private final InitDataSection init;
    private final Optional<LinearMemory> memory;
    private final ExceptionBuffer exception;
    private final WasiPreview1 wasi;
    private final BiFunction<Long, Long, OptionalLong> tableElement;

    /**
     * @param tableElement (table index, element index) to the function index stored there, empty when the
     *     element index is out of the table's bounds; a null element is (uint32)-1
     */
    ImportLinker(Backend backend, InitDataSection init, Optional<LinearMemory> memory, ExceptionBuffer exception,
                 WasiPreview1 wasi, BiFunction<Long, Long, OptionalLong> tableElement) {
        this.backend = backend;
        this.init = init;
        this.memory = memory;
        this.exception = exception;
        this.wasi = wasi;
        this.tableElement = tableElement;
    }

    private Optional<WasiFunction> linked(int importIndex) {
        ImportFunc f = init.importFuncs().get(importIndex);
        return wasi.lookup(f.moduleName().text(), f.functionName().text());
    }

    private FuncType typeOf(int importIndex) {
        return init.funcTypes().get(init.importFuncs().get(importIndex).typeIndex());
    }

    /** Runtime symbols for import calls, by name. */
    Map<String, HostFunction> helpers() {
        Map<String, HostFunction> m = new LinkedHashMap<>();
        m.put("aot_invoke_native", new JavaHelper("aot_invoke_native", HostSignature.of(I32, I64, I32, I32, I64),
                a -> callWithCells((int) a[1], a[3]) ? 1 : 0));
        m.put("aot_call_indirect", new JavaHelper("aot_call_indirect",
                HostSignature.of(I32, I64, I32, I32, I32, I64), a -> callIndirect(a[1], a[2], a[4]) ? 1 : 0));
        m.put("aot_check_app_addr_and_convert", new JavaHelper("aot_check_app_addr_and_convert",
                HostSignature.of(I32, I64, I32, I64, I64, I64), a -> {
                    if (memory.isEmpty()) {
                        exception.set(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS.text());
                        return 0;
                    }
                    StructImage out = new StructImage(8);
                    out.u64(0, memory.get().base() + a[2]);
                    backend.write(a[4], out.bytes());
                    return 1;
                }));
        return m;
    }

    /** Native entries for func_ptrs[0..import count): 0 for imports the host does not provide. */
    List<Long> importEntries() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < init.importFuncs().size(); i++) {
            out.add(linked(i).map(this::nativeEntry).orElse(0L));
        }
        return out;
    }

    private long nativeEntry(WasiFunction fn) {
        List<ValueType> params = new ArrayList<>();
        params.add(I64);
        String chars = fn.paramChars();
        for (char c : chars.toCharArray()) {
            params.add(switch (c) {
                case 'I', '*', '$' -> I64;
                case 'f' -> ValueType.F32;
                case 'F' -> ValueType.F64;
                default -> I32;
            });
        }
        HostSignature sig = new HostSignature(params, fn.hasResult() ? Optional.of(I32) : Optional.empty());
        return backend.hostEntry(new JavaHelper(fn.name(), sig, a -> {
            long[] wasmArgs = new long[chars.length()];
            for (int i = 0; i < chars.length(); i++) {
                long v = a[i + 1];
                char c = chars.charAt(i);
                boolean pointer = c == '*' || c == '$';
                wasmArgs[i] = pointer && v != 0 ? v - memory.map(LinearMemory::base).orElse(0L) : v;
            }
            return invoke(fn, wasmArgs);
        }));
    }

    private long invoke(WasiFunction fn, long[] wasmArgs) {
        if (memory.isEmpty()) {
            exception.set(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS.text());
            return 0;
        }
        try {
            return fn.body().call(new MemoryView(backend, memory.get()), wasmArgs);
        } catch (MemoryView.GuestMemoryFault e) {
            exception.set(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS.text());
            return 0;
        }
    }

    private boolean callWithCells(int importIndex, long argv) {
        if (importIndex < 0 || importIndex >= init.importFuncs().size()) {
            exception.set(TrapKind.INVALID_FUNCTION_INDEX.text());
            return false;
        }
        Optional<WasiFunction> fn = linked(importIndex);
        if (fn.isEmpty()) {
            ImportFunc f = init.importFuncs().get(importIndex);
            exception.set("failed to call unlinked import function (" + f.moduleName().text() + ", "
                    + f.functionName().text() + ")");
            return false;
        }
        FuncType type = typeOf(importIndex);
        byte[] types = type.types();
        int params = (int) type.paramCount();
        int cells = 0;
        for (int i = 0; i < types.length; i++) {
            cells += cellCount(types[i]);
        }
        byte[] raw = backend.read(argv, Math.max(8, 4 * cells));
        PatchableCells argCells = new PatchableCells(raw);
        long[] wasmArgs = new long[params];
        int at = 0;
        for (int i = 0; i < params; i++) {
            wasmArgs[i] = cellCount(types[i]) == 2 ? argCells.u64(at) : argCells.u32(at);
            at += cellCount(types[i]);
        }
        long result = invoke(fn.get(), wasmArgs);
        if (type.resultCount() > 0) {
            StructImage out = new StructImage(8);
            out.u64(0, result);
            backend.write(argv, out.bytes());
        }
        return exception.get().isEmpty();
    }

    private boolean callIndirect(long tableIndex, long elemIndex, long argv) {
        OptionalLong func = tableElement.apply(tableIndex, elemIndex);
        if (func.isEmpty()) {
            exception.set(TrapKind.UNDEFINED_ELEMENT.text());
            return false;
        }
        long f = func.getAsLong();
        if (f == 0xffffffffL) {
            exception.set(TrapKind.UNINITIALIZED_ELEMENT.text());
            return false;
        }
        if (f >= init.importFuncs().size()) {
            exception.set("aot_call_indirect to a defined function is not implemented by the loader");
            return false;
        }
        return callWithCells((int) f, argv);
    }

    private static int cellCount(byte type) {
        return type == 0x7E || type == 0x7C ? 2 : 1;
    }

    /** Little-endian 32-bit cells of an argv buffer. */
    private record PatchableCells(byte[] raw) {
        long u32(int cell) {
            int o = 4 * cell;
            return (raw[o] & 0xffL) | (raw[o + 1] & 0xffL) << 8 | (raw[o + 2] & 0xffL) << 16
                    | (raw[o + 3] & 0xffL) << 24;
        }

        long u64(int cell) {
            return u32(cell) | u32(cell + 1) << 32;
        }
    }
}
