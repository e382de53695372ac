package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.format.section.init.AuxInfo;
import io.github.wasmaot.format.section.init.Memory;
import java.util.OptionalLong;

/**
 * Page geometry of linear memory 0 after the runtime inserts iwasm's app heap, following memory_instantiate
 * in cba4c782 core/iwasm/aot/aot_runtime.c:359-478 (same rules in WAMR-2.4.4 aot_runtime.c memory_instantiate):
 * a 1..1-page memory grows its page size by the heap; otherwise the heap gets whole new pages at the end
 * (minus 1 KiB), raising the initial and maximum page counts; when the module has a __heap_base global
 * inside the initial memory, the heap is inserted there and __heap_base moves past it.
 *
 * @param heapBase the new value of the __heap_base global, when the heap was inserted before it
 */
public record MemoryPlan(long numBytesPerPage, long initPages, long maxPages, long heapOffset, long heapSize,
                         OptionalLong heapBase) {
    private static final long NO_INDEX = 0xffffffffL;
    private static final long KB = 1024;
    private static final long MAX_PAGES = 65536;

    public long dataSize() {
        return numBytesPerPage * initPages;
    }

    public static MemoryPlan of(Memory memory, long heapSize, AuxInfo aux) {
        long bytesPerPage = memory.bytesPerPage();
        long init = memory.initPageCount();
        long max = memory.maxPageCount();
        long heapOffset = bytesPerPage * init;
        long heap = (heapSize + 7) & ~7L;
        OptionalLong newHeapBase = OptionalLong.empty();
        if (init == max && init == 1) {
            heapOffset = bytesPerPage;
            bytesPerPage += heap;
        } else if (heap > 0) {
            long inc;
            if (aux.heapBaseGlobalIndex() != NO_INDEX && aux.heapBase() < bytesPerPage * init) {
                long auxHeapBase = aux.heapBase();
                long lastPage = auxHeapBase % bytesPerPage == 0 ? bytesPerPage : auxHeapBase % bytesPerPage;
                long toPageEnd = bytesPerPage - lastPage;
                inc = (heap - toPageEnd + bytesPerPage - 1) / bytesPerPage;
                heapOffset = auxHeapBase;
                auxHeapBase += heap;
                lastPage = auxHeapBase % bytesPerPage == 0 ? bytesPerPage : auxHeapBase % bytesPerPage;
                toPageEnd = bytesPerPage - lastPage;
                if (toPageEnd < KB) {
                    auxHeapBase += KB;
                    inc++;
                }
                newHeapBase = OptionalLong.of(auxHeapBase);
            } else {
                inc = (heap + bytesPerPage - 1) / bytesPerPage;
                heapOffset = bytesPerPage * init;
                heap = bytesPerPage * inc;
                if (heap > 0) {
                    heap -= KB;
                }
            }
            init += inc;
            max = Math.min(max + inc, MAX_PAGES);
        }
        return new MemoryPlan(bytesPerPage, init, max, heapOffset, heap, newHeapBase);
    }
}
