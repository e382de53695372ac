package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.loader.FunctionSignature;

import static io.github.wasmaot.loader.ValueType.I32;
import static io.github.wasmaot.loader.ValueType.I64;

import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.ImportFunc;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.TrapKind;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasiExitException;
import io.github.wasmaot.loader.WasmTrapException;
import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.HostFunction;
import io.github.wasmaot.loader.backend.HostSignature;
import io.github.wasmaot.loader.host.GuestMemory;
import io.github.wasmaot.loader.host.GuestMemoryFault;
import io.github.wasmaot.loader.host.HostImports;
import io.github.wasmaot.loader.host.ImportRequest;
import io.github.wasmaot.loader.host.ImportResolver;
import io.github.wasmaot.loader.host.LinkedImport;
import io.github.wasmaot.loader.host.Signatures;
import io.github.wasmaot.loader.wasi.WasiPreview1;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Links imported functions (user host functions first, then the WASI host; see {@link ImportResolver}: an
 * import nobody serves fails the instantiation) and serves the runtime symbols AOT code uses to reach them:
 * <ul>
 * <li>{@code aot_invoke_native(exec_env, func_idx, argc, argv)}: arguments and results in 32-bit cells
 * (cba4c782 aot_runtime.c:2207; every import call of legacy code, and in WAMR-2.4.4 every call of an import
 * wamrc does not know as a builtin, i.e. every user host function);</li>
 * <li>a native entry per import, called through func_ptrs with exec_env first: with the WAMR native signature
 * of a builtin, app addresses already converted to native pointers (WAMR-2.4.4 aot_emit_function.c import
 * calls with a known signature), else with the plain Wasm signature;</li>
 * <li>{@code aot_check_app_addr_and_convert(inst, is_str, app_addr, size, &native)} (WAMR-2.4.4
 * aot_runtime.c:3498; with hardware bound checks the address is not range-checked);</li>
 * <li>{@code aot_call_indirect(exec_env, tbl_idx, elem_idx, argc, argv)}: code calls it only for table
 * entries naming imports (aot_emit_function.c: func_idx &lt; import_func_count).</li>
 * </ul>
 * An import that traps (a {@link WasmTrapException} or an out-of-bounds {@link GuestMemoryFault} from the host
 * function) sets the instance exception; after a failed aot_invoke_native a runtime that unwinds abandons the
 * AOT code, as WAMR 2.x touches its guard page there (aot_invoke_native, {@code fail:} label).
 */
final class ImportLinker {
    private static final String EXCEPTION_PREFIX = "Exception: ";

    private final Backend backend;
    private final InitDataSection init;
    private final Optional<LinearMemory> memory;
    private final ExceptionBuffer exception;
    private final WasiPreview1 wasi;
    private final boolean exceptionUnwinds;
    private final BiFunction<Long, Long, OptionalLong> tableElement;
    private final List<LinkedImport> linked;
    /** Whether the last {@link #invoke} trapped or exited (the guest runs on one thread at a time). */
    private boolean failed;

    /**
     * @param tableElement (table index, element index) to the function index stored there, empty when the
     *     element index is out of the table's bounds; a null element is (uint32)-1
     * @throws LoaderException when an import is not served, or served with another signature
     */
    ImportLinker(Backend backend, InitDataSection init, Optional<LinearMemory> memory, ExceptionBuffer exception,
                 WasiPreview1 wasi, HostImports host, boolean exceptionUnwinds,
                 BiFunction<Long, Long, OptionalLong> tableElement) throws LoaderException {
        this.backend = backend;
        this.init = init;
        this.memory = memory;
        this.exception = exception;
        this.wasi = wasi;
        this.exceptionUnwinds = exceptionUnwinds;
        this.tableElement = tableElement;
        List<ImportRequest> requests = new ArrayList<>();
        for (ImportFunc f : init.importFuncs()) {
            requests.add(new ImportRequest(f.moduleName().text(), f.functionName().text(),
                    FunctionSignature.of(init.funcTypes().get(f.typeIndex()))));
        }
        this.linked = ImportResolver.resolve(requests, host, wasi);
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

    /**
     * For each import, whether its native entry takes exec_env and the plain Wasm parameters (a user host
     * function), so that it can be called like a defined function; a builtin with a WAMR native signature
     * expects converted pointers instead.
     */
    List<Boolean> wasmSignatureEntries() {
        List<Boolean> out = new ArrayList<>();
        for (LinkedImport li : linked) {
            out.add(li.nativeSignature().isEmpty());
        }
        return out;
    }

    /** Native entries for func_ptrs[0..import count). */
    List<Long> importEntries() {
        List<Long> out = new ArrayList<>();
        for (LinkedImport li : linked) {
            out.add(nativeEntry(li));
        }
        return out;
    }

    private static String paramChars(LinkedImport li) {
        if (li.nativeSignature().isPresent()) {
            String s = li.nativeSignature().get();
            return s.substring(1, s.indexOf(')'));
        }
        StringBuilder b = new StringBuilder();
        for (ValueType t : li.signature().params()) {
            b.append(switch (t) {
                case I32 -> 'i';
                case I64 -> 'I';
                case F32 -> 'f';
                case F64 -> 'F';
            });
        }
        return b.toString();
    }

    private long nativeEntry(LinkedImport li) {
        String chars = paramChars(li);
        List<ValueType> params = new ArrayList<>();
        params.add(I64);
        for (char c : chars.toCharArray()) {
            params.add(switch (c) {
                case 'I', '*', '$' -> I64;
                case 'f' -> ValueType.F32;
                case 'F' -> ValueType.F64;
                default -> I32;
            });
        }
        HostSignature sig = new HostSignature(params, li.signature().results().stream().findFirst());
        return backend.hostEntry(new JavaHelper(li.module() + "." + li.name(), sig, a -> {
            long[] wasmArgs = new long[chars.length()];
            for (int i = 0; i < chars.length(); i++) {
                long v = a[i + 1];
                char c = chars.charAt(i);
                if (c == '*' || c == '$') {
                    v = v != 0 ? v - memory.map(LinearMemory::base).orElse(0L) : 0;
                } else if (c != 'I' && c != 'F') {
                    v &= 0xffffffffL; // a 32-bit argument: the register's upper half is undefined
                }
                wasmArgs[i] = v;
            }
            try {
                return invoke(li, wasmArgs);
            } finally {
                if (failed && exceptionUnwinds) {
                    // the runtime abandons the AOT code after a failed import (it touches the exception guard
                    // page): the AOT code after this call does not check for an exception
                    backend.abortCall();
                }
            }
        }));
    }

    /**
     * Runs an import; on a trap or exit the exception buffer is set, {@link #failed} is true and the result is 0.
     */
    private long invoke(LinkedImport li, long[] wasmArgs) {
        failed = true;
        if (exception.get().isPresent()) {
            // an earlier import failed on a backend that could not unwind: the runtime would have stopped there
            return 0;
        }
        if (backend.timeoutRequested()) {
            // past the call's time limit: stop here, as the timeout signal would in AOT code
            exception.set(TrapKind.TIMEOUT.text());
            return 0;
        }
        GuestMemory view = memory.<GuestMemory>map(m -> new MemoryView(backend, m)).orElseGet(GuestMemory::none);
        try {
            long result = li.invoker().call(view, wasmArgs);
            failed = false;
            return result;
        } catch (GuestMemoryFault e) {
            exception.set(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS.text());
        } catch (WasmTrapException e) {
            String text = e.runtimeText();
            exception.set(text.startsWith(EXCEPTION_PREFIX) ? text.substring(EXCEPTION_PREFIX.length()) : text);
        } catch (WasiExitException e) {
            wasi.exit(e.exitCode());
        } catch (RuntimeException e) {
            // stop the AOT code at its next exception check; the backend rethrows e from the call
            exception.set("host function (" + li.module() + ", " + li.name() + ") failed: " + e);
            failed = true;
            throw e;
        }
        // again: a wasm call made by the host function may have cleared it
        failed = true;
        return 0;
    }

    private boolean callWithCells(int importIndex, long argv) {
        boolean ok = callWithCellsOnce(importIndex, argv);
        if (!ok && exceptionUnwinds) {
            backend.abortCall();
        }
        return ok;
    }

    private boolean callWithCellsOnce(int importIndex, long argv) {
        if (importIndex < 0 || importIndex >= linked.size()) {
            exception.set(TrapKind.INVALID_FUNCTION_INDEX.text());
            return false;
        }
        LinkedImport li = linked.get(importIndex);
        List<ValueType> params = li.signature().params();
        Optional<ValueType> result = li.signature().results().stream().findFirst();
        int cells = params.stream().mapToInt(ImportLinker::cellCount).sum();
        cells = Math.max(cells, result.map(ImportLinker::cellCount).orElse(0));
        byte[] raw = cells == 0 ? new byte[0] : backend.read(argv, 4 * cells);
        Cells argCells = new Cells(raw);
        long[] wasmArgs = new long[params.size()];
        int at = 0;
        for (int i = 0; i < params.size(); i++) {
            wasmArgs[i] = cellCount(params.get(i)) == 2 ? argCells.u64(at) : argCells.u32(at);
            at += cellCount(params.get(i));
        }
        long value = invoke(li, wasmArgs);
        if (failed) {
            return false;
        }
        if (result.isPresent()) {
            StructImage out = new StructImage(4 * cellCount(result.get()));
            out.uint(0, 4 * cellCount(result.get()), value);
            backend.write(argv, out.bytes());
        }
        return true;
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

    private static int cellCount(ValueType type) {
        return type == I64 || type == ValueType.F64 ? 2 : 1;
    }

    /** Little-endian 32-bit cells of an argv buffer. */
    private record Cells(byte[] raw) {
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
