package io.github.wasmaot.loader.backend;

import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.backend.emulated.EmulatorAbi;
import io.github.wasmaot.loader.backend.emulated.UnicornConstants;
import io.github.wasmaot.loader.backend.emulated.UnicornEngine;
import io.github.wasmaot.loader.backend.emulated.UnicornException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs an image of any supported ISA in Unicorn. Host functions live on a trap page: each entry holds a bare
 * return instruction, and a code hook on the page runs the Java function before that return executes.
 * Accesses to unmapped or protected pages stop the run and come back as {@link MemoryFault}.
 */
public final class EmulatedBackend implements Backend {
    /** Low region (below 2 GiB) for code and data sections; everything else goes above 4 GiB. */
    private static final long FIRST_LOW_ADDRESS = 0x1000_0000L;
    private static final long LOW_LIMIT = 0x8000_0000L;
    private static final long FIRST_ADDRESS = 0x1_0000_0000L;
    private static final long GAP = 0x10000L;
    private static final long STACK_SIZE = 8L << 20;
    /** Bytes above the stack's bottom that native_stack_boundary keeps free (a frame may overshoot it). */
    private static final long STACK_HEADROOM = 16 * 1024;
    private static final int ENTRY_SIZE = 16;
    /**
     * Longest a single call may emulate before it is reported as hung (Unicorn timeout, microseconds): 120 s,
     * or system property {@code wasmaot.emulator.callTimeoutMillis} (the loader fuzz test bounds each call).
     */
    private static final String CALL_TIMEOUT_PROPERTY = "wasmaot.emulator.callTimeoutMillis";
    private static final long DEFAULT_CALL_TIMEOUT_MILLIS = 120_000L;

    private final EmulatorAbi abi;
    private final UnicornEngine uc;
    private final long trapPage;
    private final long returnSentinel;
    private final long stackBase;
    private final Map<Long, HostFunction> hostEntries = new HashMap<>();
    private long next = FIRST_ADDRESS;
    private long nextLow = FIRST_LOW_ADDRESS;
    private RuntimeException hostFailure;
    private boolean aborted;
    private Long faultAddress;
    /** Per linear memory (by reservation base): the write hook watching the last bytes before its end. */
    private final Map<Long, Long> endWatches = new HashMap<>();
    /** In-bounds bytes the current call's writes near a memory end replaced: (pc, address, old bytes). */
    private final java.util.List<NearEndWrite> nearEndWrites = new java.util.ArrayList<>();

    private record NearEndWrite(long pc, long address, byte[] old) {
        long limit() {
            return address + old.length;
        }
    }

    /** Widest store the images make (v128). */
    private static final int WIDEST_STORE = 16;

    public EmulatedBackend(Isa isa) {
        this.abi = EmulatorAbi.of(isa);
        this.uc = UnicornEngine.open(abi.ucArch(), abi.ucMode(), abi.ucCpuModel());
        try {
            this.trapPage = map(pageSize(), Protection.READ_EXEC);
            this.returnSentinel = trapPage;
            this.stackBase = map(STACK_SIZE, Protection.READ_WRITE);
            uc.hookCode(trapPage + ENTRY_SIZE, trapPage + pageSize() - 1, (engine, address, size, user) ->
                    onHostEntry(address));
            uc.hookInvalidMemory((engine, type, address, size, value, user) -> {
                faultAddress = address;
                return false;
            });
        } catch (RuntimeException e) {
            uc.close();
            throw e;
        }
    }

    /** Why Unicorn cannot run {@code isa} code here, or null when it can. */
    public static String unavailableReason(Isa isa) {
        return UnicornEngine.unavailableReason(EmulatorAbi.of(isa).ucArch());
    }

    private void onHostEntry(long address) {
        HostFunction fn = hostEntries.get(address);
        if (fn == null || hostFailure != null) {
            return;
        }
        try {
            long[] args = abi.readHostArgs(uc, fn.signature());
            long result = fn.call(args);
            fn.signature().result().ifPresent(t -> abi.writeHostResult(uc, t, result));
        } catch (RuntimeException e) {
            hostFailure = e;
            uc.stop();
        }
    }

    @Override
    public Isa isa() {
        return abi.isa();
    }

    private long roundToPage(long size) {
        long p = pageSize();
        return Math.max(p, (size + p - 1) & -p);
    }

    private static int perms(Protection p) {
        return switch (p) {
            case NONE -> 0;
            case READ -> UnicornConstants.UC_PROT_READ;
            case READ_WRITE -> UnicornConstants.UC_PROT_READ | UnicornConstants.UC_PROT_WRITE;
            case READ_EXEC -> UnicornConstants.UC_PROT_READ | UnicornConstants.UC_PROT_EXEC;
            case READ_WRITE_EXEC -> UnicornConstants.UC_PROT_READ | UnicornConstants.UC_PROT_WRITE
                    | UnicornConstants.UC_PROT_EXEC;
        };
    }

    @Override
    public long map(long size, Protection protection) {
        long rounded = roundToPage(size);
        long address = next;
        uc.map(address, rounded, perms(protection));
        next = (address + rounded + GAP + GAP - 1) & -GAP;
        return address;
    }

    @Override
    public long mapLow(long size, Protection protection) {
        long rounded = roundToPage(size);
        long address = nextLow;
        if (address + rounded > LOW_LIMIT) {
            throw new IllegalStateException("low 2 GiB region exhausted");
        }
        uc.map(address, rounded, perms(protection));
        nextLow = (address + rounded + GAP + GAP - 1) & -GAP;
        return address;
    }

    @Override
    public long reserve(long size) {
        long address = next;
        next = (address + roundToPage(size) + GAP + GAP - 1) & -GAP;
        return address;
    }

    @Override
    public void commit(long address, long size, Protection protection) {
        uc.map(address, roundToPage(size), perms(protection));
    }

    @Override
    public void protect(long address, long size, Protection protection) {
        uc.protect(address, roundToPage(size), perms(protection));
    }

    @Override
    public void write(long address, byte[] data) {
        uc.write(address, data);
    }

    @Override
    public byte[] read(long address, int length) {
        return uc.read(address, length);
    }

    @Override
    public long hostEntry(HostFunction function) {
        long address = trapPage + (long) (hostEntries.size() + 1) * ENTRY_SIZE;
        if (address + ENTRY_SIZE > trapPage + pageSize()) {
            throw new IllegalStateException("too many host functions for one trap page");
        }
        uc.protect(trapPage, pageSize(), perms(Protection.READ_WRITE_EXEC));
        uc.write(address, abi.returnInstruction());
        uc.protect(trapPage, pageSize(), perms(Protection.READ_EXEC));
        hostEntries.put(address, function);
        return address;
    }

    /**
     * Unicorn (unlike qemu-user or hardware) may write the in-bounds bytes of a store that straddles the end of
     * linear memory before it faults on the rest. A write hook on the last {@link #WIDEST_STORE} bytes records
     * what each write there replaces; when the call then faults at that instruction, those bytes are restored.
     */
    @Override
    public void memoryEnds(long base, long end) {
        Long old = endWatches.remove(base);
        if (old != null) {
            uc.deleteHook(old);
        }
        if (end - base <= 0) {
            return;
        }
        long from = Math.max(base, end - WIDEST_STORE);
        endWatches.put(base, uc.hookMemWrite(from, end - 1, (engine, type, addr, size, value, user) -> {
            int inBounds = (int) Math.min(size, end - addr);
            if (inBounds > 0) {
                long pc = abi.programCounter(uc);
                if (!nearEndWrites.isEmpty() && nearEndWrites.get(nearEndWrites.size() - 1).pc() != pc) {
                    nearEndWrites.clear(); // only the faulting instruction's own writes are ever undone
                }
                nearEndWrites.add(new NearEndWrite(pc, addr, uc.read(addr, inBounds)));
            }
        }));
    }

    /**
     * Undoes the in-bounds part of the store that faulted: the latest writes of the faulting instruction that
     * together form one contiguous range of at most {@link #WIDEST_STORE} bytes (earlier stores by the same
     * instruction in a loop are not part of it), most recent first.
     */
    private void undoPartialStore() {
        long pc = abi.programCounter(uc);
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = nearEndWrites.size() - 1; i >= 0; i--) {
            NearEndWrite w = nearEndWrites.get(i);
            boolean joins = lo == Long.MAX_VALUE || w.limit() == lo || w.address() == hi;
            if (w.pc() != pc || !joins || hi - lo + w.old().length > WIDEST_STORE) {
                break;
            }
            uc.write(w.address(), w.old());
            lo = Math.min(lo, w.address());
            hi = Math.max(hi, w.limit());
        }
    }

    @Override
    public long call(long address, List<WasmValue> args, Optional<ValueType> result, Optional<Duration> timeout) {
        hostFailure = null;
        faultAddress = null;
        aborted = false;
        nearEndWrites.clear();
        abi.prepareCall(uc, args, stackBase + STACK_SIZE, returnSentinel);
        // Unicorn's own timeout (a timer thread that calls uc_emu_stop) stops the call: the caller's time limit,
        // else the emulator's bound for a call that never returns
        long bound = Long.getLong(CALL_TIMEOUT_PROPERTY, DEFAULT_CALL_TIMEOUT_MILLIS) * 1_000L;
        long limit = timeout.map(t -> Math.max(1, Math.min(bound, t.toNanos() / 1000))).orElse(bound);
        boolean callersLimit = timeout.isPresent() && timeout.get().toNanos() / 1000 <= bound;
        int err = uc.run(address, returnSentinel, limit);
        if (hostFailure != null) {
            throw hostFailure;
        }
        if (aborted) {
            return 0;
        }
        if (faultAddress != null) {
            undoPartialStore();
            throw new MemoryFault(faultAddress, uc.errorText(err));
        }
        if (err != UnicornConstants.UC_ERR_OK) {
            throw new UnicornException("emulation failed at pc 0x" + Long.toHexString(abi.programCounter(uc))
                    + ": " + uc.errorText(err), err);
        }
        if (abi.programCounter(uc) != returnSentinel && callersLimit) {
            throw new CallTimedOut(timeout.get());
        }
        if (abi.programCounter(uc) != returnSentinel) {
            throw new UnicornException("emulation stopped at pc 0x" + Long.toHexString(abi.programCounter(uc))
                    + " before the call returned (timeout after " + bound / 1000 + " ms?)", 0);
        }
        return result.map(t -> abi.readResult(uc, t)).orElse(0L);
    }

    @Override
    public boolean abortCall() {
        aborted = true;
        uc.stop();
        return true;
    }

    @Override
    public boolean supportsTimeout() {
        return true;
    }

    @Override
    public boolean reportsMemoryFaults() {
        return true;
    }

    /**
     * Below the stack lie an unmapped gap and the read+exec trap page, then nothing: a push or frame store there
     * faults, as a native thread's stack would on its guard page.
     */
    @Override
    public boolean inStackGuard(long address) {
        return address < stackBase && address >= FIRST_ADDRESS - GAP;
    }

    /** The emulated stack's bottom plus headroom, as the runtime keeps a guard below its boundary. */
    @Override
    public long nativeStackBoundary() {
        return stackBase + STACK_HEADROOM;
    }

    @Override
    public void close() {
        uc.close();
    }
}
