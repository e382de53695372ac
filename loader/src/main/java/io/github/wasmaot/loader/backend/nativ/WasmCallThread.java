package io.github.wasmaot.loader.backend.nativ;

import com.sun.jna.Memory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one thread that runs native Wasm calls, with a stack of known size and known bounds, so that the images'
 * native-stack check ({@code exec_env->native_stack_boundary}, which wamrc compares with a frame address) can
 * stop a runaway recursion {@link #HEADROOM} bytes above the thread's lowest address: far from the JVM's guard
 * zones there, with room for the callback into Java that raises the trap. A call made from that thread (a host
 * function calling into another instance) runs directly on it. Calls from several Java threads take turns.
 * On x86-64 Linux the thread also has an alternate signal stack and is the one thread whose faults in AOT code
 * {@link SignalTraps} turns into returns (an image without a stack check that runs off this stack traps too).
 */
public final class WasmCallThread {
    /** Stack of the call thread (the JVM reserves it; pages are committed as they are touched). */
    public static final long STACK_SIZE = 64L << 20;
    /** Bytes kept free above the stack's lowest address: JVM guard zones, the trap callback into Java. */
    public static final long HEADROOM = 2L << 20;
    /**
     * How long a caller busy-waits for its call's answer before parking: a short call answers within a few
     * microseconds, and a park/unpark round trip costs tens of them.
     */
    static final long SPIN_NANOS = 20_000;
    /**
     * How long the idle call thread busy-waits for the next call before parking: long enough for a caller that
     * calls again straight away, short enough not to take a CPU from the caller's own work on a small machine
     * (50 µs cost up to a fifth of the open/instantiate/close rate on 2 vCPUs).
     */
    static final long SERVE_SPIN_NANOS = 2_000;

    private static WasmCallThread instance;

    /** One call handed to the call thread, and how it ended. */
    private static final class Task {
        final Supplier<?> call;
        final Thread caller;
        Object result;
        Throwable failure;
        volatile boolean done;

        Task(Supplier<?> call, Thread caller) {
            this.call = call;
            this.caller = caller;
        }
    }

    /** Callers take turns: the call thread runs one call at a time. */
    private final ReentrantLock turn = new ReentrantLock();
    private final AtomicReference<Task> pending = new AtomicReference<>();
    private final Thread thread;
    private final long stackLow;

    private WasmCallThread() {
        CompletableFuture<Long> low = new CompletableFuture<>();
        thread = new Thread(null, () -> {
            try {
                SignalTraps traps = SignalTraps.get();
                if (traps != null) {
                    traps.attachCallThread();
                }
                low.complete(lowestStackAddress());
            } catch (Throwable e) {
                low.completeExceptionally(e);
                return;
            }
            serve();
        }, "wasm-aot-native-calls", STACK_SIZE);
        thread.setDaemon(true);
        thread.start();
        try {
            stackLow = low.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the native call thread", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot start the native call thread: " + e.getCause(), e.getCause());
        }
    }

    /** The call thread, started on first use (not in class initialisation: it runs code of this class). */
    public static synchronized WasmCallThread get() {
        if (instance == null) {
            instance = new WasmCallThread();
        }
        return instance;
    }

    /** The value for exec_env's native_stack_boundary: below it the images trap with "native stack overflow". */
    public long stackBoundary() {
        return stackLow + HEADROOM;
    }

    /** The lowest address of the call thread's stack (the JVM's guard zones lie just above it). */
    public long stackLow() {
        return stackLow;
    }

    /** Whether the current thread is the call thread. */
    public boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code call} on the call thread and returns its result; exceptions come back unchanged. */
    public long run(Supplier<Long> call) {
        return (Long) call(call);
    }

    /** Runs {@code call} on the call thread and returns its result; exceptions come back unchanged. */
    public <T> T call(Supplier<T> call) {
        if (Thread.currentThread() == thread) {
            return call.get();
        }
        turn.lock();
        try {
            Task task = new Task(call, Thread.currentThread());
            pending.set(task);
            LockSupport.unpark(thread);
            awaitDone(task);
            if (task.failure instanceof RuntimeException r) {
                throw r;
            }
            if (task.failure instanceof Error err) {
                throw err;
            }
            if (task.failure != null) {
                throw new IllegalStateException(task.failure);
            }
            @SuppressWarnings("unchecked")
            T result = (T) task.result;
            return result;
        } finally {
            turn.unlock();
        }
    }

    /** Waits for the call thread to finish {@code task}; native code cannot be interrupted, so neither is this. */
    private static void awaitDone(Task task) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!task.done && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        boolean interrupted = false;
        while (!task.done) {
            LockSupport.park(task);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The call thread's loop: take a task, run it, wake its caller. */
    private void serve() {
        while (true) {
            Task task = pending.getAndSet(null);
            if (task == null) {
                long spinUntil = System.nanoTime() + SERVE_SPIN_NANOS;
                while (pending.get() == null && System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                }
                if (pending.get() == null) {
                    LockSupport.park(this);
                }
                continue;
            }
            try {
                task.result = task.call.get();
            } catch (Throwable e) {
                task.failure = e;
            }
            task.done = true;
            LockSupport.unpark(task.caller);
        }
    }

    /** pthread_getattr_np / pthread_attr_getstack of the current thread (glibc). */
    private static long lowestStackAddress() {
        Memory attr = new Memory(256);
        attr.clear();
        int err = Glibc.pthread_getattr_np(Glibc.pthread_self(), attr);
        if (err != 0) {
            throw new IllegalStateException("pthread_getattr_np failed: " + err);
        }
        try {
            Memory out = new Memory(16);
            out.clear();
            err = Glibc.pthread_attr_getstack(attr, out, out.share(8));
            if (err != 0) {
                throw new IllegalStateException("pthread_attr_getstack failed: " + err);
            }
            long low = out.getLong(0);
            long size = out.getLong(8);
            if (size < 2 * HEADROOM) {
                throw new IllegalStateException("native call thread got a " + size + "-byte stack");
            }
            return low;
        } finally {
            Glibc.pthread_attr_destroy(attr);
        }
    }
}
