package io.github.wasmaot.loader;

import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.CallTimedOut;
import io.github.wasmaot.loader.backend.MemoryFault;
import io.github.wasmaot.loader.backend.Protection;
import io.github.wasmaot.loader.backend.emulated.UnicornException;
import io.github.wasmaot.loader.host.HostGlobal;
import io.github.wasmaot.loader.host.HostImports;
import io.github.wasmaot.loader.runtime.GlobalSlot;
import io.github.wasmaot.loader.runtime.InstanceParts;
import io.github.wasmaot.loader.runtime.Instantiator;
import io.github.wasmaot.loader.wasi.WasiConfig;
import io.github.wasmaot.loader.wasi.WasiPreview1;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An instantiated AOT module. Exported functions are called as aot_call_function does: the function pointer
 * from func_ptrs, the exec_env as first argument, then the Wasm arguments; afterwards the instance's
 * exception buffer decides between results and a {@link WasmTrapException}. {@link #close()} frees every
 * native resource (the backend's mappings, emulator, callbacks).
 */
public final class Instance implements AutoCloseable {
    private static final long NO_START = 0xffffffffL;

    private final AotModule module;
    private final InstanceParts parts;
    private final Optional<Duration> timeout;
    private boolean closed;
    private long extraSlots;
    private int extraSlotCount;

    private Instance(AotModule module, InstanceParts parts, Optional<Duration> timeout) {
        this.module = module;
        this.parts = parts;
        this.timeout = timeout;
    }

    static Instance create(AotModule module, Backend backend, long heapSize, WasiConfig wasi, HostImports imports,
                           Optional<Duration> timeout) throws LoaderException {
        if (timeout.isPresent() && !backend.supportsTimeout()) {
            backend.close();
            throw new LoaderException("the native backend cannot stop calls after a timeout here: "
                    + io.github.wasmaot.loader.backend.nativ.SignalTraps.unavailableReason()
                    + "; run emulated (--emulate) for a timeout");
        }
        Instance instance;
        try {
            InstanceParts parts = Instantiator.instantiate(module.image(), module.facts(), module.isaSupport(),
                    module.layout(), backend, heapSize, wasi, imports);
            instance = new Instance(module, parts, timeout);
        } catch (LoaderException | RuntimeException e) {
            backend.close();
            throw e;
        }
        try {
            instance.runStart();
        } catch (WasmTrapException | WasiExitException e) {
            instance.close();
            throw new LoaderException(e.getMessage(), e);
        } catch (LoaderException | RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    private void runStart() throws LoaderException {
        long start = module.image().initData().startFuncIndex();
        if (start != NO_START) {
            invoke(start, List.of(), Optional.empty());
        }
    }

    public AotModule module() {
        return module;
    }

    /** Signature of an exported function. */
    public FunctionSignature signature(String export) throws LoaderException {
        long index = module.exportedFunctionIndex(export).orElseThrow(() -> new LoaderException(
                "lookup function " + export + " failed"));
        return module.signatureOf(index);
    }

    /**
     * Calls an exported function.
     * @throws WasmTrapException when the function traps
     * @throws WasiExitException when the module calls WASI proc_exit (or a host function throws it)
     * @throws RuntimeException any other exception a host function threw, after the call was abandoned
     * @throws LoaderException when the export does not exist or its signature is not callable yet
     */
    public List<WasmValue> call(String export, List<WasmValue> args) throws LoaderException {
        requireOpen();
        long index = module.exportedFunctionIndex(export).orElseThrow(() -> new LoaderException(
                "lookup function " + export + " failed"));
        FunctionSignature sig = module.signatureOf(index);
        if (args.size() != sig.params().size()) {
            throw new LoaderException(export + " takes " + sig.params().size() + " arguments, got " + args.size());
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).type() != sig.params().get(i)) {
                throw new LoaderException(export + " argument " + i + " is " + sig.params().get(i) + ", got "
                        + args.get(i).type());
            }
        }
        if (index < module.image().initData().importFuncs().size()
                && !parts.importsWithWasmSignature().get((int) index)) {
            // a re-exported user import is called through its func_ptrs entry like a defined function
            throw new LoaderException("calling a re-exported builtin import (" + export + ") is not supported by"
                    + " the loader yet");
        }
        Optional<ValueType> result = sig.results().stream().findFirst();
        // wamrc returns the first result and writes the others through pointers appended to the parameters
        // (aot_llvm.c, "Extra results' address")
        List<WasmValue> callArgs = new ArrayList<>(args);
        int extra = Math.max(0, sig.results().size() - 1);
        long slots = 0;
        if (extra > 0) {
            slots = extraResultSlots(extra);
            for (int i = 0; i < extra; i++) {
                callArgs.add(WasmValue.i64(slots + 8L * i));
            }
        }
        long bits = invoke(index, callArgs, result);
        List<WasmValue> out = new ArrayList<>();
        result.ifPresent(t -> out.add(WasmValue.fromBits(t, bits)));
        for (int i = 0; i < extra; i++) {
            ValueType t = sig.results().get(i + 1);
            byte[] b = parts.backend().read(slots + 8L * i, t == ValueType.I32 || t == ValueType.F32 ? 4 : 8);
            long v = 0;
            for (int k = b.length - 1; k >= 0; k--) {
                v = v << 8 | (b[k] & 0xffL);
            }
            out.add(WasmValue.fromBits(t, v));
        }
        return out;
    }

    /** Eight bytes per extra result, mapped once per instance and grown when a call needs more. */
    private long extraResultSlots(int count) {
        if (extraSlotCount < count) {
            extraSlots = parts.backend().map(8L * Math.max(count, 16), Protection.READ_WRITE);
            extraSlotCount = Math.max(count, 16);
        }
        return extraSlots;
    }

    private long invoke(long funcIndex, List<WasmValue> args, Optional<ValueType> result) throws LoaderException {
        List<WasmValue> cArgs = new ArrayList<>();
        cArgs.add(WasmValue.i64(parts.execEnv()));
        cArgs.addAll(args);
        parts.exception().clear();
        long bits;
        try {
            bits = parts.backend().call(parts.funcPtrs().get((int) funcIndex), cArgs, result, timeout);
        } catch (CallTimedOut stopped) {
            parts.exception().clear();
            WasmTrapException trap = WasmTrapException.of(TrapKind.TIMEOUT);
            trap.initCause(stopped);
            throw trap;
        } catch (MemoryFault fault) {
            if (parts.backend().inStackGuard(fault.address())) {
                // the code ran off the stack without a native-stack check of its own (or with a frame larger than
                // the headroom above native_stack_boundary): what a runtime stack guard reports
                WasmTrapException trap = WasmTrapException.of(TrapKind.NATIVE_STACK_OVERFLOW);
                trap.initCause(fault);
                throw trap;
            }
            boolean inMemory = parts.memory().map(m -> m.inReservation(fault.address())).orElse(false);
            if (!inMemory) {
                // what a native runtime would die of (SIGSEGV): the image's machine code is broken
                throw new LoaderException("AOT code crashed: it faulted outside linear memory ("
                        + fault.getMessage() + "); the image's machine code is corrupt", fault);
            }
            // what the runtime's signal handler does for a guard-page hit (aot_signal_handler)
            parts.exception().set(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS.text());
            bits = 0;
        } catch (UnicornException crash) {
            // the emulated CPU stopped on an invalid instruction, a bad fetch or the call time bound
            throw new LoaderException("AOT code crashed: " + crash.getMessage()
                    + "; the image's machine code is corrupt or does not return", crash);
        }
        Optional<String> exception = parts.exception().get();
        if (exception.isPresent()) {
            if (exception.get().equals(WasmTrapException.PREFIX + WasiPreview1.PROC_EXIT_EXCEPTION)) {
                // what the runtime does after wasi proc_exit: clear the exception, report the exit code
                parts.exception().clear();
                throw new WasiExitException(parts.wasi().exitCode().orElse(0));
            }
            throw WasmTrapException.fromRuntimeText(exception.get());
        }
        return bits;
    }

    /** Names of the exported functions, in export order. */
    public List<String> functionExports() {
        return module.functionExports();
    }

    /** The current value of an exported global of a number type. */
    public WasmValue global(String export) throws LoaderException {
        return exportedGlobal(export).value();
    }

    /** Names of the exported globals, in export order. */
    public List<String> globalExports() {
        return module.globalExports();
    }

    /**
     * An exported global as another instance can import it: its current value (importers get a copy) and its
     * mutability.
     */
    public HostGlobal exportedGlobal(String export) throws LoaderException {
        requireOpen();
        long index = module.exportedGlobalIndex(export).orElseThrow(() -> new LoaderException(
                "lookup global " + export + " failed"));
        GlobalSlot slot = parts.globals().get((int) index);
        ValueType type = ValueType.ofAbiCode(slot.valueType()).orElseThrow(() -> new LoaderException(
                "global " + export + " has value type 0x" + Integer.toHexString(slot.valueType())
                        + ", not supported by the loader yet"));
        byte[] b = parts.backend().read(slot.address(), slot.width());
        long bits = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            bits = bits << 8 | (b[i] & 0xffL);
        }
        return new HostGlobal(WasmValue.fromBits(type, bits), slot.mutable());
    }

    /** Whether an out-of-bounds access by code without software bounds checks is reported as a trap. */
    public boolean reportsGuardPageTraps() {
        return parts.backend().reportsMemoryFaults();
    }

    /** Current size of linear memory 0 in pages (0 when the module has none). */
    public long memoryPages() {
        return parts.memory().map(m -> m.pages()).orElse(0L);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("instance is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            parts.backend().close();
            parts.wasi().closeFiles();
        }
    }
}
