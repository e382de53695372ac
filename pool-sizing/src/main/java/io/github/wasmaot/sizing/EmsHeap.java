package io.github.wasmaot.sizing;

import io.github.wasmaot.format.sizing.PoolSizingFacts;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model of WAMR's {@code ems} pool allocator ({@code core/shared/mem-alloc/ems/ems_alloc.c}) that tells how far
 * into the pool a sequence of allocations and frees reaches. Blocks are the request plus the 4-byte header, rounded
 * to 8, at least 16 ({@code GC_SMALLEST_SIZE}). Free blocks below {@code HMU_FC_NORMAL_MAX_SIZE} (248) sit in
 * per-size lists, searched from the exact size upward and split; larger ones in a best-fit tree (smallest that fits,
 * split, rest kept free); freeing merges with free neighbours; what reaches the end of the used part gives the space
 * back to the untouched tail. {@link #highWater()} is the number of pool bytes after the heap struct that the
 * sequence needed: with the struct (and the runtime's own allocations at init) it is the smallest pool that works.
 *
 * <p>Checked against the real allocator by replaying recorded allocation sequences of the real runtime
 * (src/test/resources/…/alloc-traces): the simulated high water plus the init constant is 0 to 32 bytes above the
 * bisected real minimum in every recorded stage.
 */
public final class EmsHeap {
    static final long NORMAL_MAX = 31 * 8;

    private final PoolSizingFacts.Allocator rules;
    private final TreeMap<Long, Long> free = new TreeMap<>(); // address -> size, below the top
    private final Map<Long, ArrayDeque<Long>> normal = new HashMap<>(); // size -> addresses, most recent last
    private final Map<Long, Long> live = new HashMap<>(); // address -> block size
    private long top;
    private long highWater;

    public EmsHeap(PoolSizingFacts.Allocator rules) {
        this.rules = rules;
    }

    /** Allocates {@code bytes}; returns the block's address (offset into the heap area). */
    public long malloc(long bytes) {
        long b = rules.block(bytes);
        if (b < NORMAL_MAX) {
            for (long k = b; k < NORMAL_MAX; k += 8) {
                ArrayDeque<Long> list = normal.get(k);
                if (list != null && !list.isEmpty()) {
                    long a = list.peekLast();
                    remove(a);
                    if (k >= b + rules.smallestBlock()) {
                        add(a + b, k - b);
                    } else {
                        b = k;
                    }
                    live.put(a, b);
                    return a;
                }
            }
        }
        long best = -1;
        long bestSize = Long.MAX_VALUE;
        for (Map.Entry<Long, Long> e : free.entrySet()) {
            long n = e.getValue();
            if (n >= b && n >= NORMAL_MAX && n < bestSize) {
                best = e.getKey();
                bestSize = n;
            }
        }
        if (best >= 0) {
            long n = remove(best);
            if (n >= b + rules.smallestBlock()) {
                add(best + b, n - b);
            } else {
                b = n;
            }
            live.put(best, b);
            return best;
        }
        long a = top;
        Map.Entry<Long, Long> last = free.lastEntry();
        if (last != null && last.getKey() + last.getValue() == top) {
            remove(last.getKey());
            a = last.getKey();
        }
        top = a + b;
        highWater = Math.max(highWater, top);
        live.put(a, b);
        return a;
    }

    /** Frees the block at {@code address} (from {@link #malloc}). */
    public void free(long address) {
        Long size = live.remove(address);
        if (size == null) {
            throw new IllegalArgumentException("not allocated: " + address);
        }
        long a = address;
        long n = size;
        Map.Entry<Long, Long> prev = free.lowerEntry(a);
        if (prev != null && prev.getKey() + prev.getValue() == a) {
            remove(prev.getKey());
            a = prev.getKey();
            n += prev.getValue();
        }
        if (free.containsKey(a + n)) {
            n += remove(a + n);
        }
        if (a + n == top) {
            top = a;
            return;
        }
        add(a, n);
    }

    /** How far into the heap area the sequence so far reached. */
    public long highWater() {
        return highWater;
    }

    private void add(long a, long n) {
        free.put(a, n);
        if (n < NORMAL_MAX) {
            normal.computeIfAbsent(n, k -> new ArrayDeque<>()).addLast(a);
        }
    }

    private long remove(long a) {
        long n = free.remove(a);
        if (n < NORMAL_MAX) {
            normal.get(n).remove(a);
        }
        return n;
    }
}
