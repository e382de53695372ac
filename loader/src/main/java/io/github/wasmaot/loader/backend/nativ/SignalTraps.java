package io.github.wasmaot.loader.backend.nativ;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns faults and timeouts of native AOT code into returns, the way WAMR's hardware bound check does
 * (aot_signal_handler, then a longjmp out of the AOT code), on x86-64 Linux. Machine code (source:
 * loader/src/main/asm/signal-traps-x86_64.S) is copied into one executable page:
 * <ul>
 * <li>{@code enter(target, frame)}: every native wasm call goes through it. It saves the callee-saved registers
 *     and its stack pointer in the frame, links the frame as the innermost one, loads the arguments from the
 *     frame and calls the target.</li>
 * <li>the handler of SIGSEGV, SIGBUS and {@link #timeoutSignal()}: when the signal hits the call thread while
 *     a frame is active and the program counter lies in a registered text range (loaded AOT code), it records
 *     the signal, fault address and pc in the frame and rewrites the ucontext so that the thread resumes in
 *     {@code enter}'s epilogue with the frame's stack pointer: the call returns a status instead of the result.
 *     Every other SIGSEGV/SIGBUS goes on to the handler installed before (the JVM's: implicit null checks,
 *     safepoint polls, its stack banging), called with the same three arguments; a timeout signal that does not
 *     hit wasm code is dropped (the watchdog sends it again).</li>
 * </ul>
 * The handlers run on an alternate signal stack of the call thread (SA_ONSTACK), so a runaway recursion that
 * hits the thread's guard pages can still be handled.
 * <p>Host functions are entered through {@code host_thunk} ({@link #hostEntry}), which lets one end the wasm call
 * when it returns ({@link #abortCall()}), as WAMR 2.x's runtime leaves AOT code after an exception.
 */
public final class SignalTraps {
    /** {@code enter}'s status: the call returned normally. */
    public static final int RETURNED = 0;
    /** The call touched an inaccessible page ({@link Outcome#faultAddress()}). */
    public static final int FAULT = 1;
    /** The call was stopped by the timeout signal. */
    public static final int TIMED_OUT = 2;
    /** A host function ended the call ({@link #abortCall()}); the instance's exception says why. */
    public static final int ABORTED = 3;

    static final int HANDLER_OFFSET = 0x110;
    static final int HOST_THUNK_OFFSET = 0x220;
    static final String CODE_HEX = "" +
            "554889e55341544155415641574883ec084989f44989fd49c7442410000000004989642408488b05dc0f000049890424" +
            "498b8c24b0000000488d04cd0f0000004883e0f04829c431d24839ca7311498b84d4c0000000488904d448ffc2ebeaf3" +
            "410f7e442470f3410f7e4c2478f3410f7e942480000000f3410f7e9c2488000000f3410f7ea42490000000f3410f7eac" +
            "2498000000f3410f7eb424a0000000f3410f7ebc24a8000000498b7c2440498b742448498b542450498b4c24584d8b44" +
            "24604d8b4c24684c89253a0f000041ffd5498944243066410fd644243831c0498b0c2448890d1e0f0000498b64240848" +
            "83c408415f415e415d415c5b5dc3498b442410ebda662e0f1f8400000000009064488b042510000000483b05e00e0000" +
            "0f85ac0000004c8b05db0e00004d85c00f849c00000083ff0b741383ff07740e48833de80e0000000f84840000004c8b" +
            "8aa80000004c8d15240f00004c8b1d150f00004d85db746a4d3b0a72064d3b4a08720b4983c21049ffcb75eceb54b802" +
            "00000083ff0b740583ff07750db801000000488b4e1049894820498940104863ff498978184d894828498b4008488982" +
            "a00000004c894248488d053fffffff488982a80000004881a2b0000000fffbffffc383ff0b740683ff077411c3488b05" +
            "2c0e0000488b0d2d0e0000eb0e488b052c0e0000488b0d2d0e00004883f8017602ffe0b80d000000488d35290e000031" +
            "d241ba080000000f05c3660f1f4400004c8b15e10d00004d85d27442415b4d899ab8000000ffd04c8b15ca0d00004883" +
            "3d120e000000750741ffa2b800000048c705fe0d00000000000049c74210030000004d89d4498b6208e990feffffffe0";
    private static final long PAGE = 4096;
    private static final int MAX_RANGES = 4096;
    private static final long RANGES_IN_USE = 120;
    /** Data: the slots above, then the text ranges. */
    private static final long DATA_SIZE = (128 + 16L * MAX_RANGES + 4095) & -4096;
    private static final long RANGES = 128;
    private static final long ABORT = 88;
    /** Host entry stubs per chunk (one code page of 16-byte stubs, then a data page with their targets). */
    private static final int STUBS_PER_CHUNK = 256;
    /** Nested calls (wasm to Java host function to wasm) at most. */
    static final int MAX_DEPTH = 64;
    static final long FRAME_SIZE = 4096;
    /** Register and stack argument slots in a frame. */
    static final int MAX_STACK_ARGS = (int) ((FRAME_SIZE - 192) / 8);
    private static final long ALT_STACK_SIZE = 256 * 1024;
    private static final int SIGBUS = 7;
    private static final int SIGSEGV = 11;
    private static final int SA_SIGINFO = 4;
    private static final int SA_ONSTACK = 0x0800_0000;
    private static final int SA_RESTART = 0x1000_0000;

    private static SignalTraps instance;
    private static String unavailable;

    private final long code;
    private final long data;
    private final long frames;
    private final int timeoutSignal;
    private final Function enter;
    private volatile long callThread;
    private final long[] ranges = new long[MAX_RANGES * 2];
    /** Slots [0, inUse) may hold ranges; the handler looks at no more. */
    private int inUse;
    /** Nesting level of calls on the call thread (only the call thread reads and writes it). */
    private int depth;
    /** The stub chunk being filled: its code page (0 before the first), and the stubs handed out of it. */
    private long stubChunk;
    private int stubsUsed = STUBS_PER_CHUNK;

    private SignalTraps() {
        Pointer p = LibC.mmap(null, PAGE + DATA_SIZE, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        code = Pointer.nativeValue(p);
        if (p == null || code == LibC.MAP_FAILED) {
            throw new IllegalStateException("mmap for the signal handler failed, errno " + Native.getLastError());
        }
        data = code + PAGE;
        byte[] bytes = HexFormat.of().parseHex(CODE_HEX);
        p.write(0, bytes, 0, bytes.length);
        if (LibC.mprotect(p, PAGE, LibC.PROT_READ | LibC.PROT_EXEC) != 0) {
            throw new IllegalStateException("mprotect of the signal handler failed, errno " + Native.getLastError());
        }
        Pointer f = LibC.mmap(null, MAX_DEPTH * FRAME_SIZE, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        frames = Pointer.nativeValue(f);
        if (f == null || frames == LibC.MAP_FAILED) {
            throw new IllegalStateException("mmap for call frames failed, errno " + Native.getLastError());
        }
        enter = Function.getFunction(new Pointer(code));
        timeoutSignal = Glibc.__libc_current_sigrtmin() + 4;
        install(SIGSEGV, 16);
        install(SIGBUS, 32);
        install(timeoutSignal, -1);
    }

    /** Installs the handler for {@code sig}, saving the previous action at data+{@code saveAt} (unless -1). */
    private void install(int sig, long saveAt) {
        Memory old = new Memory(152);
        old.clear();
        Memory act = new Memory(152);
        act.clear();
        if (Glibc.sigaction(sig, null, old) != 0) {
            throw new IllegalStateException("sigaction(" + sig + ") failed, errno " + Native.getLastError());
        }
        int oldFlags = old.getInt(136);
        act.setLong(0, code + HANDLER_OFFSET);
        if (saveAt >= 0) {
            // behave like the previous handler towards the kernel (its mask, SA_NODEFER...), plus SA_ONSTACK
            act.write(8, old.getByteArray(8, 128), 0, 128);
            act.setInt(136, oldFlags | SA_SIGINFO | SA_ONSTACK);
            new Pointer(data).setLong(saveAt, old.getLong(0));
            new Pointer(data).setLong(saveAt + 8, oldFlags);
        } else {
            act.setInt(136, SA_SIGINFO | SA_ONSTACK | SA_RESTART);
        }
        if (Glibc.sigaction(sig, act, null) != 0) {
            throw new IllegalStateException("sigaction(" + sig + ") failed, errno " + Native.getLastError());
        }
    }

    /** Whether native faults and timeouts can be trapped on this host (x86-64 Linux). */
    public static synchronized boolean available() {
        return unavailableReason() == null;
    }

    /**
     * Why the traps cannot work on this platform or are switched off, or null; unlike {@link #unavailableReason()}
     * this installs nothing, so asking it does not touch the process's signal handlers.
     */
    public static String platformReason() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "native fault and timeout traps need x86-64 Linux (this is " + os + "/" + arch + ")";
        }
        if (Boolean.getBoolean("wasmaot.native.noSignalTraps")) {
            return "native fault and timeout traps are disabled (wasmaot.native.noSignalTraps)";
        }
        return null;
    }

    /** Why they cannot, or null. */
    public static synchronized String unavailableReason() {
        if (unavailable == null && instance == null) {
            String platform = platformReason();
            if (platform != null) {
                unavailable = platform;
            } else {
                try {
                    instance = new SignalTraps();
                } catch (RuntimeException | LinkageError e) {
                    unavailable = "cannot install the native signal handler: " + e.getMessage();
                }
            }
        }
        return unavailable;
    }

    /** The process's traps, installed on first use; null when {@link #available()} is false. */
    public static synchronized SignalTraps get() {
        return available() ? instance : null;
    }

    /** The real-time signal the watchdog sends to stop a call. */
    public int timeoutSignal() {
        return timeoutSignal;
    }

    /** Makes the current thread the call thread: an alternate signal stack, and its id for the handler. */
    public void attachCallThread() {
        Pointer alt = LibC.mmap(null, ALT_STACK_SIZE, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        if (alt == null || Pointer.nativeValue(alt) == LibC.MAP_FAILED) {
            throw new IllegalStateException("mmap of the alternate signal stack failed, errno "
                    + Native.getLastError());
        }
        Memory ss = new Memory(24);
        ss.clear();
        ss.setPointer(0, alt);
        ss.setLong(16, ALT_STACK_SIZE);
        if (Glibc.sigaltstack(ss, null) != 0) {
            throw new IllegalStateException("sigaltstack failed, errno " + Native.getLastError());
        }
        callThread = Glibc.pthread_self();
        new Pointer(data).setLong(0, callThread);
    }

    /** Registers {@code [start, end)} as AOT code; returns the slot for {@link #removeText}. */
    public synchronized int addText(long start, long end) {
        for (int i = 0; i < MAX_RANGES; i++) {
            if (ranges[2 * i] == 0 && ranges[2 * i + 1] == 0) {
                ranges[2 * i] = start;
                ranges[2 * i + 1] = end;
                Pointer d = new Pointer(data);
                if (i >= inUse) {
                    // the slot is [0, 0) until written below, so the handler may look at it already
                    inUse = i + 1;
                    d.setLong(RANGES_IN_USE, inUse);
                }
                // end last: a half-written slot never matches
                d.setLong(RANGES + 16L * i, start);
                d.setLong(RANGES + 16L * i + 8, end);
                return i;
            }
        }
        throw new IllegalStateException("more than " + MAX_RANGES + " native AOT code ranges loaded at once");
    }

    public synchronized void removeText(int slot) {
        Pointer d = new Pointer(data);
        // end first: [start, 0) never matches
        d.setLong(RANGES + 16L * slot + 8, 0);
        d.setLong(RANGES + 16L * slot, 0);
        ranges[2 * slot] = 0;
        ranges[2 * slot + 1] = 0;
    }

    /**
     * A native entry for a host function at {@code target} (a JNA callback): AOT code that calls it goes through
     * {@code host_thunk}, so that {@link #abortCall()} during the host function ends the wasm call. Entries live
     * as long as the process (callbacks are pooled too).
     */
    public synchronized long hostEntry(long target) {
        if (stubsUsed == STUBS_PER_CHUNK) {
            stubChunk = newStubChunk();
            stubsUsed = 0;
        }
        int i = stubsUsed++;
        new Pointer(stubChunk + PAGE).setLong(8L * i, target);
        return stubChunk + 16L * i;
    }

    /** One page of stubs {@code mov rax, [rip + target_i]; jmp [rip + host_thunk]}, then their data page. */
    private long newStubChunk() {
        Pointer p = LibC.mmap(null, 2 * PAGE, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        long chunk = Pointer.nativeValue(p);
        if (p == null || chunk == LibC.MAP_FAILED) {
            throw new IllegalStateException("mmap for host entries failed, errno " + Native.getLastError());
        }
        ByteBuffer code = ByteBuffer.allocate((int) PAGE).order(ByteOrder.LITTLE_ENDIAN);
        long thunkSlot = PAGE + 8L * STUBS_PER_CHUNK;
        for (int i = 0; i < STUBS_PER_CHUNK; i++) {
            int at = 16 * i;
            code.put(at, (byte) 0x48).put(at + 1, (byte) 0x8b).put(at + 2, (byte) 0x05);
            code.putInt(at + 3, (int) (PAGE + 8L * i - (at + 7)));
            code.put(at + 7, (byte) 0xff).put(at + 8, (byte) 0x25);
            code.putInt(at + 9, (int) (thunkSlot - (at + 13)));
            code.put(at + 13, (byte) 0xcc).put(at + 14, (byte) 0xcc).put(at + 15, (byte) 0xcc);
        }
        p.write(0, code.array(), 0, (int) PAGE);
        p.setLong(thunkSlot, this.code + HOST_THUNK_OFFSET);
        if (LibC.mprotect(p, PAGE, LibC.PROT_READ | LibC.PROT_EXEC) != 0) {
            throw new IllegalStateException("mprotect of host entries failed, errno " + Native.getLastError());
        }
        return chunk;
    }

    /**
     * Ends the innermost wasm call of the call thread when the running host function returns (to be called from
     * the host function, on the call thread): the call returns {@link #ABORTED}.
     */
    public void abortCall() {
        new Pointer(data).setLong(ABORT, 1);
    }

    /** Asks the handler to stop wasm code on the next timeout signal (or not). */
    public void requestTimeout(boolean on) {
        new Pointer(data).setLong(48, on ? 1 : 0);
    }

    /** Whether {@link #requestTimeout} is on: the running call is past its time limit. */
    public boolean timeoutRequested() {
        return new Pointer(data).getLong(48) != 0;
    }

    /** Sends the timeout signal to the call thread. */
    public void signalCallThread() {
        long t = callThread;
        if (t != 0) {
            Glibc.pthread_kill(t, timeoutSignal);
        }
    }

    /** How a call through {@code enter} ended. */
    public record Outcome(int status, int signal, long faultAddress, long faultPc, long rax, long xmm0) {
    }

    /**
     * Calls {@code target} with the System V ABI through {@code enter}; must run on the call thread.
     * @param bits the arguments' raw bits in order (I32/F32 in the low half)
     * @param isFloat per argument: whether it travels in an XMM register (F32, F64)
     */
    public Outcome call(long target, long[] bits, boolean[] isFloat) {
        if (depth >= MAX_DEPTH) {
            throw new IllegalStateException("more than " + MAX_DEPTH + " nested native wasm calls");
        }
        int floatCount = 0;
        for (boolean f : isFloat) {
            floatCount += f ? 1 : 0;
        }
        int stackCount = Math.max(0, bits.length - floatCount - 6) + Math.max(0, floatCount - 8);
        if (stackCount > MAX_STACK_ARGS) {
            throw new IllegalArgumentException("more than " + MAX_STACK_ARGS + " stack arguments");
        }
        long[] block = new long[16 + stackCount];
        int ni = 0;
        int nf = 0;
        int ns = 0;
        for (int i = 0; i < bits.length; i++) {
            long v = bits[i];
            if (isFloat[i]) {
                if (nf < 8) {
                    block[6 + nf] = v;
                } else {
                    block[16 + ns++] = v;
                }
                nf++;
            } else {
                if (ni < 6) {
                    block[ni] = v;
                } else {
                    block[16 + ns++] = v;
                }
                ni++;
            }
        }
        block[14] = stackCount;
        long frame = frames + depth * FRAME_SIZE;
        Pointer fp = new Pointer(frame);
        fp.write(64, block, 0, block.length);
        depth++;
        new Pointer(data).setLong(ABORT, 0);
        try {
            enter.invokeLong(new Object[] {target, frame});
        } finally {
            depth--;
        }
        long[] out = new long[6];
        fp.read(16, out, 0, 6);
        return new Outcome((int) out[0], (int) out[1], out[2], out[3], out[4], out[5]);
    }
}
