package io.github.wasmaot.loader.backend.nativ;

import io.github.wasmaot.loader.backend.HostSignature;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Free trampolines by signature, shared by every native instance in the process. The pool only grows to the
 * largest number of trampolines of one signature in use at the same time, however many instances come and go.
 */
final class TrampolinePool {
    private static final Map<HostSignature, Deque<Trampoline>> FREE = new HashMap<>();

    private TrampolinePool() {
    }

    static synchronized Trampoline acquire(HostSignature signature) {
        Deque<Trampoline> free = FREE.get(signature);
        Trampoline t = free == null ? null : free.poll();
        return t != null ? t : new Trampoline(signature);
    }

    static synchronized void release(Trampoline t) {
        t.unbind();
        FREE.computeIfAbsent(t.signature(), s -> new ArrayDeque<>()).push(t);
    }
}
