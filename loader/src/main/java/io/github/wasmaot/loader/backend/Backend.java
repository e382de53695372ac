package io.github.wasmaot.loader.backend;

import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasmValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where an image's code runs: an address space to map code, data and linear memory into, helper entries the
 * code can call, and a way to call a function with the C ABI of the image's ISA.
 * {@link #close()} frees every native resource the backend holds.
 */
public sealed interface Backend extends AutoCloseable permits EmulatedBackend, NativeBackend {
    Isa isa();

    /** Maps {@code size} bytes (rounded up to pages), zero-filled; returns the base address. */
    long map(long size, Protection protection);

    /**
     * Like {@link #map} but inside the low 2 GiB of the address space, as WAMR maps x86-64 code and data
     * sections ({@code MMAP_MAP_32BIT}) so that R_X86_64_32S and PC32 relocations fit.
     */
    long mapLow(long size, Protection protection);

    /** Reserves an inaccessible range (rounded up to pages); {@link #commit} makes parts of it accessible. */
    long reserve(long size);

    /** Makes {@code [address, address+size)} inside a reserved range accessible, zero-filled. */
    void commit(long address, long size, Protection protection);

    /** Changes the rights of mapped pages (e.g. code to read+exec after relocation). */
    void protect(long address, long size, Protection protection);

    void write(long address, byte[] data);

    byte[] read(long address, int length);

    /** An address the image's code can call to reach {@code function}. */
    long hostEntry(HostFunction function);

    /**
     * Calls the function at {@code address} with the image's C calling convention.
     * @param args integer and float arguments, in order (the exec_env pointer first, as an I64)
     * @return the raw result bits (0 when {@code result} is empty)
     * @throws MemoryFault when the code touched an inaccessible address and the backend can report it
     */
    default long call(long address, List<WasmValue> args, Optional<ValueType> result) {
        return call(address, args, result, Optional.empty());
    }

    /**
     * Like {@link #call(long, List, Optional)}, stopped after {@code timeout} (wall clock, from the moment the
     * code starts running).
     * @throws CallTimedOut when the timeout stopped the call
     * @throws UnsupportedOperationException when the backend cannot stop a call here
     */
    long call(long address, List<WasmValue> args, Optional<ValueType> result, Optional<Duration> timeout);

    /**
     * Called by a host function to abandon the running call the way WAMR 2.x's hardware-bound-check build
     * does after setting an exception (it touches a guard page and the signal handler longjmps out of the
     * AOT code). The call then returns as soon as the host function does.
     * @return false when the backend cannot unwind the guest (native code continues after the helper)
     */
    boolean abortCall();

    /** Whether {@link #call(long, List, Optional, Optional)} can stop a call after a timeout here. */
    boolean supportsTimeout();

    /** Whether a guest access to an inaccessible page comes back as a {@link MemoryFault} (else it kills the process). */
    boolean reportsMemoryFaults();

    /**
     * The value for exec_env's native_stack_boundary: AOT code that checks its stack (wamrc's stack-overflow
     * check) traps with "native stack overflow" when a frame would reach below it.
     */
    long nativeStackBoundary();

    /**
     * Whether {@code address} (of a {@link MemoryFault}) lies in the inaccessible region just below the stack the
     * backend runs calls on: the code ran off its stack, which the runtime reports as "native stack overflow".
     */
    default boolean inStackGuard(long address) {
        return false;
    }

    /**
     * Told by linear memory that its accessible part now ends at {@code end} (its reservation starts at
     * {@code base}). A backend whose stores may partly land before faulting (the emulator, for a store that
     * straddles {@code end}) undoes that part, so an out-of-bounds store leaves memory unchanged as on hardware.
     */
    default void memoryEnds(long base, long end) {
    }

    /**
     * Whether the running call's time limit has passed. A call that spends its time in host functions is rarely
     * found in AOT code by a timeout signal, so the loader also stops it at its next host-function call, as a trap.
     */
    default boolean timeoutRequested() {
        return false;
    }

    /** Page size for {@link #map}, {@link #reserve}, {@link #commit}. */
    default long pageSize() {
        return 4096;
    }

    @Override
    void close();
}
