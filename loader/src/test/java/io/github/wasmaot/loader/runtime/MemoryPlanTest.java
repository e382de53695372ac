package io.github.wasmaot.loader.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wasmaot.format.section.init.AuxInfo;
import io.github.wasmaot.format.section.init.Memory;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** iwasm's app-heap insertion into linear memory (legacy memory_instantiate rules). */
class MemoryPlanTest {
    private static final long NONE = 0xffffffffL;
    private static final AuxInfo NO_AUX = new AuxInfo(NONE, 0, NONE, 0, NONE, 0, 0);

    @Test
    void heapGetsANewPageAtTheEnd() {
        // features.wat: memory 1..4, iwasm's 16 KiB heap -> 2 pages, max 5 (so "grow 1" returns 3)
        MemoryPlan p = MemoryPlan.of(new Memory(0, 65536, 1, 4), 16 * 1024, NO_AUX);
        assertEquals(new MemoryPlan(65536, 2, 5, 65536, 65536 - 1024, OptionalLong.empty()), p);
    }

    @Test
    void singleFixedPageGrowsThePageSize() {
        MemoryPlan p = MemoryPlan.of(new Memory(0, 65536, 1, 1), 16 * 1024, NO_AUX);
        assertEquals(65536 + 16 * 1024, p.numBytesPerPage());
        assertEquals(1, p.initPages());
        assertEquals(65536, p.heapOffset());
    }

    @Test
    void heapIsInsertedBeforeHeapBaseWhichMoves() {
        AuxInfo aux = new AuxInfo(NONE, 0, 1, 70000, 0, 69000, 4096);
        MemoryPlan p = MemoryPlan.of(new Memory(0, 65536, 2, 10), 16 * 1024, aux);
        assertEquals(70000, p.heapOffset());
        assertEquals(OptionalLong.of(70000 + 16 * 1024), p.heapBase());
        // 70000 + 16 KiB still ends 44688 bytes before the end of page 2: no page is added
        assertEquals(2, p.initPages());
    }

    @Test
    void noHeapLeavesTheDeclaredGeometry() {
        MemoryPlan p = MemoryPlan.of(new Memory(0, 65536, 1, 4), 0, NO_AUX);
        assertEquals(new MemoryPlan(65536, 1, 4, 65536, 0, OptionalLong.empty()), p);
    }
}
