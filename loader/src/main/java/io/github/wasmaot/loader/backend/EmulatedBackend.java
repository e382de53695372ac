package io.github.wasmaot.loader.backend;

import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.backend.emulated.EmulatorAbi;
import io.github.wasmaot.loader.backend.emulated.UnicornConstants;
import io.github.wasmaot.loader.backend.emulated.UnicornEngine;
import io.github.wasmaot.loader.backend.emulated.UnicornException;
import io.github.wasmaot.loader.backend.nativ.NativeMemory;
import io.github.wasmaot.loader.backend.nativ.Watchdog;
import java.time.Duration;
import java.util.ArrayList;
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
     * Longest a single call may emulate before it is reported as hung (stopped by the watchdog): 120 s,
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
    /**
     * The current call's time limit passed (set by the watchdog thread). Sticky for the rest of the call: every
     * hook re-issues the stop on its way out (besides the watchdog's own resend every few ms), so a stop that
     * lands while Java code runs in a hook (a long host function) takes effect as soon as that hook returns.
     */
    private volatile boolean timedOut;
    private Long faultAddress;
    /**
     * Per linear memory (by reservation base): its guard, the last page before its end, mapped read-only so that
     * only stores there leave Unicorn's translated code (see {@link #memoryEnds}).
     */
    private final Map<Long, Guard> guards = new HashMap<>();
    /**
     * Host memory behind reserved ranges (linear memories), by guest reservation base: with a Unicorn that has
     * {@code uc_wasmaot_direct_window} (the bundled linux-x86_64 build), a linear memory is one block of this
     * process's memory, mapped into the guest page run by page run, so that translated code can reach it without
     * Unicorn's TLB lookup, as qemu-user does (see {@link #memoryEnds}). Null without such a Unicorn.
     */
    private final NativeMemory hostMemory;
    private final List<HostBacked> hostBacked = new ArrayList<>();

    /** A reserved guest range {@code [guest, guest+size)} backed by host memory from {@code host}. */
    private record HostBacked(long guest, long size, long host) {
    }
    /** In-bounds bytes the current call's stores near a memory end replaced, oldest first. */
    private final List<NearEndWrite> nearEndWrites = new ArrayList<>();
    /** The fault was a store that would cross a memory's end, stopped before it wrote anything. */
    private boolean straddleStopped;
    /** Start and width of the access that faulted (the fault address is where it first left the memory). */
    private long faultAccess;
    private int faultAccessSize;
    /** The last guard-page store done by {@link #onWriteProtected}: [start, limit). */
    private long handledFrom;
    private long handledLimit;

    /** The guard page {@code [from, end)} of one linear memory; {@code end} is where its mapping ends. */
    private record Guard(long from, long end) {
        boolean contains(long address) {
            return address >= from && address < end;
        }
    }

    private record NearEndWrite(long address, byte[] old) {
        long limit() {
            return address + old.length;
        }
    }

    /** Widest store the images make (v128), which Unicorn performs as two 8-byte stores. */
    private static final int WIDEST_STORE = 16;

    public EmulatedBackend(Isa isa) {
        this.abi = EmulatorAbi.of(isa);
        this.uc = UnicornEngine.open(abi.ucArch(), abi.ucMode(), abi.ucCpuModel());
        this.hostMemory = uc.hasDirectWindow() ? new NativeMemory() : null;
        try {
            this.trapPage = map(pageSize(), Protection.READ_EXEC);
            this.returnSentinel = trapPage;
            this.stackBase = map(STACK_SIZE, Protection.READ_WRITE);
            uc.hookCode(trapPage + ENTRY_SIZE, trapPage + pageSize() - 1, (engine, address, size, user) ->
                    onHostEntry(address));
            uc.hookInvalidMemory((engine, type, address, size, value, user) ->
                    type == UnicornConstants.UC_MEM_WRITE_PROT ? onWriteProtected(address, size, value)
                            : fault(address, address, size));
        } catch (RuntimeException e) {
            uc.close();
            throw e;
        }
    }

    /** The Unicorn library that runs {@code isa} code here, with its version, or null when none does. */
    public static String libraryDescription(Isa isa) {
        return UnicornEngine.libraryDescription(EmulatorAbi.of(isa).ucArch());
    }

    /** Why Unicorn cannot run {@code isa} code here, or null when it can. */
    public static String unavailableReason(Isa isa) {
        return UnicornEngine.unavailableReason(EmulatorAbi.of(isa).ucArch());
    }

    private void onHostEntry(long address) {
        HostFunction fn = hostEntries.get(address);
        if (fn == null || hostFailure != null) {
            stopIfTimedOut();
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
        stopIfTimedOut();
    }

    /** Repeats the watchdog's stop from the emulating thread once the call's time is up (see {@link #timedOut}). */
    private void stopIfTimedOut() {
        if (timedOut) {
            uc.stop();
        }
    }

    private void timeUp() {
        timedOut = true;
        uc.stop();
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
        if (hostMemory != null) {
            // on 2 MiB boundaries with transparent huge pages where the kernel gives them, as the native backend's
            // linear memory (and the real iwasm's)
            hostBacked.add(new HostBacked(address, roundToPage(size), hostMemory.reserveHugeAligned(roundToPage(size))));
        }
        return address;
    }

    /** The host address behind guest {@code address} in a reserved range, or -1 when it has none. */
    private long hostAddress(long address) {
        for (HostBacked r : hostBacked) {
            if (address >= r.guest() && address - r.guest() < r.size()) {
                return r.host() + (address - r.guest());
            }
        }
        return -1;
    }

    @Override
    public void commit(long address, long size, Protection protection) {
        long rounded = roundToPage(size);
        long page = pageSize();
        long host = hostAddress(address);
        if (host >= 0) {
            hostMemory.protect(host, rounded, protection);
        }
        if (rounded <= page) {
            commitPart(address, rounded, protection, host);
            return;
        }
        // the last page as a region of its own: it becomes the guard of a linear memory ending here
        // (memoryEnds), and Unicorn changes the protection of part of a region by copying the whole region out
        // and back (split_region): for a memory of GiBs that took minutes, outside any call's time limit
        commitPart(address, rounded - page, protection, host);
        commitPart(address + rounded - page, page, protection, host < 0 ? host : host + rounded - page);
    }

    /** Maps guest pages, from the host memory at {@code host} when it is not -1. */
    private void commitPart(long address, long size, Protection protection, long host) {
        if (host < 0) {
            uc.map(address, size, perms(protection));
        } else {
            uc.mapPtr(address, size, perms(protection), host);
        }
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

    private boolean fault(long address, long access, int accessSize) {
        if (faultAddress == null) {
            faultAddress = address;
            faultAccess = access;
            faultAccessSize = accessSize;
        }
        return false;
    }

    /**
     * A store into a read-only page: a memory's guard page, else a real protection fault. A store that would cross
     * the guard's end stops here before writing anything, reported at the first byte past the end (where Unicorn
     * itself would fault after writing the in-bounds bytes). An in-bounds store is done here (Unicorn discards a
     * handled store to a read-only page); within the last {@link #WIDEST_STORE} bytes, what it replaces is kept
     * until the call ends, so a wide store whose second half faults can be undone.
     */
    private boolean onWriteProtected(long address, int size, long value) {
        stopIfTimedOut();
        Guard guard = null;
        for (Guard g : guards.values()) {
            if (g.contains(address)) {
                guard = g;
            }
        }
        if (guard == null) {
            return fault(address, address, size);
        }
        if (address + size > guard.end()) {
            straddleStopped = true;
            return fault(guard.end(), address, size);
        }
        if (size == 1 && address >= handledFrom && address < handledLimit) {
            // Unicorn replays an unaligned store byte by byte after the hook handled it whole: already written
            return true;
        }
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        if (address + size > guard.end() - WIDEST_STORE) {
            nearEndWrites.add(new NearEndWrite(address, uc.read(address, size)));
        }
        uc.write(address, bytes);
        handledFrom = address;
        handledLimit = address + size;
        return true;
    }

    /**
     * Unicorn (unlike qemu-user or hardware) may write the in-bounds part of a store that crosses the end of linear
     * memory before it faults on the rest. The last page before the end is therefore mapped read-only: stores there
     * (only there) reach {@link #onWriteProtected}, which stops a crossing store before it writes and records what
     * in-bounds stores near the end replace. Every other guest access stays in translated code.
     */
    @Override
    public void memoryEnds(long base, long end) {
        Guard old = guards.remove(base);
        if (old != null) {
            uc.protect(old.from(), old.end() - old.from(), perms(Protection.READ_WRITE));
        }
        long mappedEnd = base + roundToPage(end - base);
        long host = hostAddress(base);
        if (end - base <= 0) {
            if (host >= 0) {
                uc.directWindow(base, 0, host);
            }
            return;
        }
        Guard guard = new Guard(Math.max(base, mappedEnd - pageSize()), mappedEnd);
        uc.protect(guard.from(), guard.end() - guard.from(), perms(Protection.READ));
        guards.put(base, guard);
        if (host >= 0) {
            // translated code reaches the memory below its guard directly (protecting a page of the window, as
            // above, ends it: set it again)
            uc.directWindow(base, guard.from() - base, host);
        }
    }

    /**
     * Undoes the in-bounds half of a wide store whose other half faulted: Unicorn performs a 16-byte store (v128,
     * a register pair) as two 8-byte halves, low first, so the 8-byte guard store done just before an 8-byte
     * access that faults where it ends is the same instruction's first half.
     */
    private void undoPartialStore() {
        if (nearEndWrites.isEmpty()) {
            return;
        }
        NearEndWrite last = nearEndWrites.get(nearEndWrites.size() - 1);
        int half = WIDEST_STORE / 2;
        if (last.limit() == faultAccess && last.old().length == half && faultAccessSize == half) {
            uc.write(last.address(), last.old());
        }
    }

    @Override
    public long call(long address, List<WasmValue> args, Optional<ValueType> result, Optional<Duration> timeout) {
        hostFailure = null;
        faultAddress = null;
        aborted = false;
        timedOut = false;
        nearEndWrites.clear();
        straddleStopped = false;
        handledFrom = 0;
        handledLimit = 0;
        abi.prepareCall(uc, args, stackBase + STACK_SIZE, returnSentinel);
        // the caller's time limit, else the emulator's bound for a call that never returns. Not Unicorn's own
        // timeout: that starts a thread per call which polls every 2 µs for the whole run (a core's worth of
        // wake-ups on a small machine) and is joined after it; one watchdog thread per JVM calls uc_emu_stop.
        long bound = Long.getLong(CALL_TIMEOUT_PROPERTY, DEFAULT_CALL_TIMEOUT_MILLIS) * 1_000L;
        long limit = timeout.map(t -> Math.max(1, Math.min(bound, t.toNanos() / 1000))).orElse(bound);
        boolean callersLimit = timeout.isPresent() && timeout.get().toNanos() / 1000 <= bound;
        int err;
        try (Watchdog watchdog = Watchdog.start(Duration.ofNanos(limit * 1000), this::timeUp)) {
            err = uc.run(address, returnSentinel);
        }
        if (hostFailure != null) {
            throw hostFailure;
        }
        if (aborted) {
            return 0;
        }
        if (faultAddress != null) {
            undoPartialStore();
            throw new MemoryFault(faultAddress,
                    uc.errorText(straddleStopped ? UnicornConstants.UC_ERR_WRITE_UNMAPPED : err));
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
        if (hostMemory != null) {
            hostMemory.close();
        }
    }
}
