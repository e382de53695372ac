package io.github.wasmaot.loader.backend.nativ;

import io.github.wasmaot.loader.backend.HostFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The native entry points of one instance's Java host functions: pooled {@link Trampoline}s bound to them
 * while the instance lives. A failure inside a callback is recorded, never thrown through native frames.
 */
public final class HostCallbacks {
    private final List<Trampoline> bound = new ArrayList<>();
    private final Consumer<RuntimeException> onFailure;

    public HostCallbacks(Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
    }

    /** A native function pointer that calls {@code fn}. */
    public long entry(HostFunction fn) {
        Trampoline t = TrampolinePool.acquire(fn.signature());
        t.bind(fn, onFailure);
        bound.add(t);
        return t.address();
    }

    /** Returns every trampoline to the pool, unbound, so nothing of this instance stays reachable. */
    public void clear() {
        bound.forEach(TrampolinePool::release);
        bound.clear();
    }
}
