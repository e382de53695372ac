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
import java.util.List;
import java.util.Optional;

/**
 * Runs an image whose ISA is the host's directly: code in mmap'd pages, calls through JNA, host functions as
 * JNA callbacks. A guest access to a guard page raises SIGSEGV, which this backend cannot turn into a trap
 * (the JVM dies), so {@link #reportsMemoryFaults()} is false: only images with software bounds checks (or
 * code that stays in bounds) are safe here.
 */
public final class NativeBackend implements Backend {
    private final Isa isa;
    private final NativeMemory memory = new NativeMemory();
    private final HostCallbacks callbacks;
    private RuntimeException hostFailure;

    public NativeBackend(Isa isa) {
        if (Isa.host().orElse(null) != isa) {
            throw new IllegalArgumentException("native backend runs " + isa.label() + " images only on a "
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
        return memory.map(size, Protection.NONE, true);
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
    public long call(long address, List<WasmValue> args, Optional<ValueType> result) {
        hostFailure = null;
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
        return false;
    }

    @Override
    public boolean reportsMemoryFaults() {
        return false;
    }

    @Override
    public void close() {
        callbacks.clear();
        memory.close();
    }
}
