package io.github.wasmaot.loader.backend.nativ;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.loader.backend.Protection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Linear memory's reservation is laid out as the real iwasm 2.4.4 lays it out (os_mmap): on a 2 MiB boundary, advised
 * for transparent huge pages, nothing mapped around it that the loader does not hold. Checked in the kernel's own
 * view of this process ({@code /proc/self/smaps}).
 */
class NativeMemoryTest {
    private static final long SIZE = 64L << 20;

    /** A mapping's header line in /proc/self/maps and smaps: {@code start-end perms …}, addresses in hex. */
    private static final Pattern HEADER = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) .*");

    /** The smaps block (header line and fields) of the mapping that contains {@code address}, if any. */
    private static Optional<List<String>> smapsEntry(long address) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (HEADER.matcher(line).matches() && Range.of(line).contains(address)) {
                int end = i + 1;
                while (end < lines.size() && !HEADER.matcher(lines.get(end)).matches()) {
                    end++;
                }
                return Optional.of(lines.subList(i, end));
            }
        }
        return Optional.empty();
    }

    /** The address range of a mapping, from its header line. */
    private record Range(long start, long end) {
        static Range of(String header) {
            Matcher m = HEADER.matcher(header);
            if (!m.matches()) {
                throw new AssertionError("not a mapping: " + header);
            }
            return new Range(Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16));
        }

        boolean contains(long address) {
            return start <= address && address < end;
        }
    }

    @Test
    void theReservationStartsOnAHugePageAndIsAdvisedForHugePages() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "needs Linux /proc");
        String thp = Files.exists(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"))
                ? Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")) : "";
        try (NativeMemory memory = new NativeMemory()) {
            long start = memory.reserveHugeAligned(SIZE);
            assertEquals(0, start % NativeMemory.HUGE_PAGE, "0x" + Long.toHexString(start));
            assertTrue(memory.owns(start, SIZE));
            assertFalse(memory.owns(start - 1, 1));
            assertFalse(memory.owns(start + SIZE, 1));

            List<String> entry = smapsEntry(start).orElseThrow(() -> new AssertionError("no mapping at 0x"
                    + Long.toHexString(start)));
            Range reserved = Range.of(entry.get(0));
            assertTrue(reserved.start() <= start && reserved.end() >= start + SIZE, entry.get(0));
            assertTrue(entry.get(0).contains(" ---p "), "reserved, inaccessible: " + entry.get(0));
            String flags = entry.stream().filter(l -> l.startsWith("VmFlags:")).findFirst().orElse("");
            if (!thp.isEmpty() && !thp.contains("[never]")) {
                assertTrue((" " + flags + " ").contains(" hg "), "MADV_HUGEPAGE: " + flags);
            }

            // committed in part, as memory.grow does: the advice stays on the accessible part
            memory.protect(start, 4L << 20, Protection.READ_WRITE);
            memory.write(start + (3L << 20), new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, memory.read(start + (3L << 20), 3));
            List<String> committed = smapsEntry(start).orElseThrow();
            assertTrue(committed.get(0).contains(" rw-p "), committed.get(0));
            assertEquals(new Range(start, start + (4L << 20)), Range.of(committed.get(0)), committed.get(0));

            memory.close();
            assertFalse(smapsEntry(start).isPresent(), "unmapped on close");
            assertFalse(smapsEntry(start + (4L << 20)).isPresent(), "unmapped on close");
        }
    }

    @Test
    void theTrimmedHeadAndTailAreGivenBack() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "needs Linux /proc");
        try (NativeMemory memory = new NativeMemory()) {
            memory.reserveHugeAligned(SIZE); // loads libc through JNA first, which maps libraries of its own
            long before = mappedBytes();
            long start = memory.reserveHugeAligned(SIZE);
            long after = mappedBytes();
            // the extra huge page mapped for alignment is unmapped again (other threads may map a little meanwhile)
            assertTrue(after - before >= SIZE && after - before < SIZE + NativeMemory.HUGE_PAGE,
                    "mapped " + (after - before) + " bytes for a reservation of " + SIZE + " at 0x"
                            + Long.toHexString(start));
        }
    }

    private static long mappedBytes() throws IOException {
        long total = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            Range r = Range.of(line);
            total += r.end() - r.start();
        }
        return total;
    }
}
