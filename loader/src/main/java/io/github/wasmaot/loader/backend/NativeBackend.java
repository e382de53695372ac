package io.github.wasmaot.loader.backend;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.backend.nativ.HostCallbacks;
import io.github.wasmaot.loader.backend.nativ.WasmCallThread;
import io.github.wasmaot.loader.backend.nativ.InstructionCache;
import io.github.wasmaot.loader.backend.nativ.NativeMemory;
import io.github.wasmaot.loader.backend.nativ.SignalTraps;
import io.github.wasmaot.loader.backend.nativ.Watchdog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs an image whose ISA is the host's directly: code in mmap'd pages, calls on {@link WasmCallThread}, host
 * functions as JNA callbacks. On x86-64 Linux every call goes through {@link SignalTraps}: a guest access to a
 * guard page or below the call thread's stack (SIGSEGV in the image's code) comes back as a {@link MemoryFault},
 * and a call can be stopped by a timeout ({@link CallTimedOut}). Elsewhere calls go straight through JNA; then a
 * guard-page hit kills the process, {@link #reportsMemoryFaults()} is false and calls cannot time out.
 */
public final class NativeBackend implements Backend {
    private final Isa isa;
    private final NativeMemory memory = new NativeMemory();
    private final HostCallbacks callbacks;
    private RuntimeException hostFailure;
    private final SignalTraps traps = SignalTraps.get();
    /** The text ranges registered with {@link #traps}. */
    private final List<Integer> textSlots = new ArrayList<>();

    public NativeBackend(Isa isa) {
        if (Isa.host().orElse(null) != isa) {
            throw new IllegalArgumentException("native backend runs " + isa.label() + " images only on an "
                    + isa.label() + " host; this host is " + System.getProperty("os.arch"));
        }
        this.isa = isa;
        this.callbacks = new HostCallbacks(e -> {
            if (hostFailure == null) {
                hostFailure = e;
            }
        });
    }

    /** Whether the native backend can run {@code isa} here. */
    public static boolean supports(Isa isa) {
        return Isa.host().orElse(null) == isa;
    }

    @Override
    public Isa isa() {
        return isa;
    }

    @Override
    public long map(long size, Protection protection) {
        return memory.map(size, protection, false);
    }

    @Override
    public long mapLow(long size, Protection protection) {
        return memory.mapLow(size, protection);
    }

    @Override
    public long reserve(long size) {
        return memory.reserveHugeAligned(size);
    }

    @Override
    public void commit(long address, long size, Protection protection) {
        memory.protect(address, size, protection);
    }

    @Override
    public void protect(long address, long size, Protection protection) {
        memory.protect(address, size, protection);
        if (protection == Protection.READ_EXEC || protection == Protection.READ_WRITE_EXEC) {
            InstructionCache.flush(isa, address, size);
            if (traps != null) {
                textSlots.add(traps.addText(address, address + ((size + memory.pageSize() - 1) & -memory.pageSize())));
            }
        }
    }

    @Override
    public void write(long address, byte[] data) {
        memory.write(address, data);
    }

    @Override
    public byte[] read(long address, int length) {
        return memory.read(address, length);
    }

    @Override
    public long hostEntry(HostFunction function) {
        return callbacks.entry(function);
    }

    @Override
    public long call(long address, List<WasmValue> args, Optional<ValueType> result, Optional<Duration> timeout) {
        hostFailure = null;
        if (traps == null) {
            if (timeout.isPresent()) {
                throw new UnsupportedOperationException("the native backend cannot stop a call here: "
                        + SignalTraps.unavailableReason());
            }
            return callDirect(address, args, result);
        }
        long[] bits = new long[args.size()];
        boolean[] isFloat = new boolean[args.size()];
        for (int i = 0; i < bits.length; i++) {
            WasmValue v = args.get(i);
            bits[i] = v.bits();
            isFloat[i] = v.type() == ValueType.F32 || v.type() == ValueType.F64;
        }
        SignalTraps.Outcome outcome = WasmCallThread.get().call(() -> {
            Watchdog watchdog = timeout.map(t -> Watchdog.start(traps, t)).orElse(null);
            try {
                return traps.call(address, bits, isFloat);
            } finally {
                if (watchdog != null) {
                    watchdog.close();
                }
            }
        });
        if (hostFailure != null) {
            throw hostFailure;
        }
        switch (outcome.status()) {
            case SignalTraps.RETURNED:
                break;
            case SignalTraps.FAULT:
                throw new MemoryFault(outcome.faultAddress(), "signal " + outcome.signal() + " at pc 0x"
                        + Long.toHexString(outcome.faultPc()));
            case SignalTraps.TIMED_OUT:
                throw new CallTimedOut(timeout.orElse(Duration.ZERO));
            case SignalTraps.ABORTED:
                // a host function ended the call (abortCall); the instance's exception says why
                return 0;
            default:
                throw new IllegalStateException("native call ended with status " + outcome.status());
        }
        return result.map(t -> switch (t) {
            case I32 -> outcome.rax() & 0xffffffffL;
            case I64 -> outcome.rax();
            case F32 -> outcome.xmm0() & 0xffffffffL;
            case F64 -> outcome.xmm0();
        }).orElse(0L);
    }

    /** A call straight through JNA, where no signal handler protects it. */
    private long callDirect(long address, List<WasmValue> args, Optional<ValueType> result) {
        Object[] jnaArgs = args.stream().map(NativeBackend::toJna).toArray();
        Function f = Function.getFunction(new Pointer(address));
        long bits = WasmCallThread.get().run(() -> result.map(t -> switch (t) {
            case I32 -> f.invokeInt(jnaArgs) & 0xffffffffL;
            case I64 -> f.invokeLong(jnaArgs);
            case F32 -> Float.floatToRawIntBits(f.invokeFloat(jnaArgs)) & 0xffffffffL;
            case F64 -> Double.doubleToRawLongBits(f.invokeDouble(jnaArgs));
        }).orElseGet(() -> {
            f.invokeVoid(jnaArgs);
            return 0L;
        }));
        if (hostFailure != null) {
            throw hostFailure;
        }
        return bits;
    }

    @Override
    public boolean timeoutRequested() {
        return traps != null && traps.timeoutRequested();
    }

    /** Calls run on {@link WasmCallThread}, whose stack bounds are known. */
    @Override
    public long nativeStackBoundary() {
        return WasmCallThread.get().stackBoundary();
    }

    private static Object toJna(WasmValue v) {
        if (v instanceof WasmValue.I32 i) {
            return i.value();
        }
        if (v instanceof WasmValue.I64 l) {
            return l.value();
        }
        if (v instanceof WasmValue.F32 f) {
            return f.value();
        }
        return ((WasmValue.F64) v).value();
    }

    @Override
    public boolean abortCall() {
        if (traps == null) {
            return false;
        }
        traps.abortCall();
        return true;
    }

    @Override
    public boolean supportsTimeout() {
        return traps != null;
    }

    @Override
    public boolean reportsMemoryFaults() {
        return traps != null;
    }

    /**
     * The call thread's stack ends in the JVM's guard zones (red, yellow, reserved; a few pages at its lowest
     * address) and the guard page below it: code that runs off the stack faults there, or in the headroom
     * above them that {@link #nativeStackBoundary()} keeps for images that check their stack.
     */
    @Override
    public boolean inStackGuard(long address) {
        if (traps == null) {
            return false;
        }
        long low = WasmCallThread.get().stackLow();
        return address >= low - (1L << 20) && address < low + WasmCallThread.HEADROOM;
    }

    @Override
    public void close() {
        if (traps != null) {
            textSlots.forEach(traps::removeText);
            textSlots.clear();
        }
        callbacks.clear();
        memory.close();
    }
}
