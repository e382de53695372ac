package io.github.wasmaot.loader.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.runtime.TableInstanceStruct;
import io.github.wasmaot.format.section.init.InitExpr;
import io.github.wasmaot.format.section.init.Table;
import io.github.wasmaot.format.section.init.TableInitData;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.EmulatedBackend;
import io.github.wasmaot.loader.backend.Protection;
import io.github.wasmaot.loader.layout.RuntimeLayout;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table and bulk-memory helpers on a real table instance in emulator memory, laid out as each profile's
 * runtime lays it out: one growable table (initial 4 elements, maximum 6), a passive segment {7, 8, 9}, an active
 * segment {5} and a declarative one.
 */
class SegmentHelpersTest {
    private static final int TABLE_AT = 256;
    private static final long NULL_REF = 0xffffffffL;

    private Backend backend;
    private long inst;
    private ExceptionBuffer exception;

    @BeforeEach
    void open() {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
        backend = new EmulatedBackend(Isa.X86_64);
        inst = backend.map(4096, Protection.READ_WRITE);
        exception = new ExceptionBuffer(backend, inst, 128);
    }

    @AfterEach
    void close() {
        if (backend != null) {
            backend.close();
        }
    }

    private static InitExpr func(int index) {
        return new InitExpr.Value32(InitExpr.FUNCREF_CONST, index);
    }

    private SegmentHelpers helpers(String profile) throws Exception {
        TableInstanceStruct layout = RuntimeLayout.forProfile(ProfileCatalog.byNameOrAlias(profile).orElseThrow())
                .orElseThrow().tableInstance();
        Table table = new Table(0x70, 1, 1, 1, 4, 6);
        TableImages tables = TableImages.place(layout, List.of(table), TABLE_AT);
        StructImage s = new StructImage((int) tables.end());
        s.u32(TABLE_AT + layout.curSize(), 4);
        s.u32(TABLE_AT + layout.maxSize(), 6);
        for (int k = 0; k < 6; k++) {
            s.uint(TABLE_AT + layout.elems() + (long) k * layout.elemBytes(), layout.elemBytes(), layout.nullRef());
        }
        backend.write(inst + TABLE_AT, java.util.Arrays.copyOfRange(s.bytes(), TABLE_AT, (int) tables.end()));
        InitExpr zero = new InitExpr.Value32(InitExpr.I32_CONST, 0);
        List<TableInitData> segments = List.of(
                new TableInitData(1, 0x70, 0, zero, null, List.of(func(7), func(8), func(9))),
                new TableInitData(0, 0x70, 0, zero, null, List.of(func(5))),
                new TableInitData(3, 0x70, 0, zero, null, List.of(func(6))));
        return new SegmentHelpers(backend, new ExceptionRaiser(backend, exception, false), tables, inst,
                Optional.empty(), SegmentRules.forProfile(profile), segments, List.of(),
                new ConstantInitializer(List.of()));
    }

    private List<Long> elements(SegmentHelpers h) {
        return java.util.stream.LongStream.range(0, h.curSize(0)).mapToObj(i -> h.readElem(0, i)).toList();
    }

    @Test
    void tableInitCopiesAPassiveSegmentAndTrapsOutOfBoundsInBothRuntimes() throws Exception {
        for (String profile : List.of("wamr-cba4c782", "wamr-2.4")) {
            exception.clear();
            SegmentHelpers h = helpers(profile);
            h.tableInit(0, 0, 2, 1, 1);
            assertEquals(List.of(NULL_REF, 8L, 9L, NULL_REF), elements(h), profile);
            assertTrue(exception.get().isEmpty(), profile);
            h.tableInit(0, 0, 2, 2, 0);
            assertEquals(Optional.of("Exception: out of bounds table access"), exception.get(), profile);
        }
    }

    @Test
    void zeroLengthInitOutOfBoundsTrapsOnlyInWamr24() throws Exception {
        SegmentHelpers legacy = helpers("wamr-cba4c782");
        legacy.tableInit(0, 0, 0, 9, 0);
        assertFalse(exception.get().isPresent(), "cba4c782 returns before checking when length is 0");
        SegmentHelpers current = helpers("wamr-2.4");
        current.tableInit(0, 0, 0, 9, 0);
        assertEquals(Optional.of("Exception: out of bounds table access"), exception.get());
    }

    @Test
    void droppedAndActiveSegmentsAreEmptyInWamr24AndRefusedInLegacy() throws Exception {
        SegmentHelpers current = helpers("wamr-2.4");
        current.tableInit(0, 1, 0, 0, 0); // active: dropped at instantiation, so empty; length 0 is in bounds
        current.tableInit(0, 2, 0, 0, 0); // declarative: likewise
        current.dropTableSeg(0);
        current.tableInit(0, 0, 0, 0, 0);
        assertFalse(exception.get().isPresent());
        current.tableInit(0, 0, 1, 0, 0);
        assertEquals(Optional.of("Exception: out of bounds table access"), exception.get());

        exception.clear();
        SegmentHelpers legacy = helpers("wamr-cba4c782");
        legacy.tableInit(0, 1, 1, 0, 0);
        assertEquals(Optional.of("Exception: out of bounds table access"), exception.get(), "active segment");
        exception.clear();
        legacy.tableInit(0, 2, 1, 0, 0);
        assertFalse(exception.get().isPresent(), "cba4c782 counts a declarative segment as passive");
        assertEquals(6L, legacy.readElem(0, 0));
        legacy.dropTableSeg(0);
        legacy.tableInit(0, 0, 1, 0, 0);
        assertEquals(Optional.of("Exception: out of bounds table access"), exception.get(), "dropped segment");
    }

    @Test
    void copyOverlapsLikeMemmoveFillAndGrowRespectTheMaximum() throws Exception {
        SegmentHelpers h = helpers("wamr-2.4");
        h.tableInit(0, 0, 3, 0, 0);
        h.tableCopy(0, 0, 3, 0, 1);
        assertEquals(List.of(7L, 7L, 8L, 9L), elements(h));
        h.tableFill(0, 2, 3L, 2);
        assertEquals(List.of(7L, 7L, 3L, 3L), elements(h));
        assertFalse(exception.get().isPresent());
        h.tableFill(0, 1, 3L, 4);
        assertEquals(Optional.of("Exception: out of bounds table access"), exception.get());

        assertEquals(4L, h.tableGrow(0, 2, 1L));
        assertEquals(List.of(7L, 7L, 3L, 3L, 1L, 1L), elements(h));
        assertEquals(0xffffffffL, h.tableGrow(0, 1, 1L), "beyond the maximum of 6");
        assertEquals(6L, h.tableGrow(0, 0, 1L));
    }

    @Test
    void memoryInitWithoutMemoryIsOutOfBounds() throws Exception {
        SegmentHelpers h = helpers("wamr-2.4");
        assertFalse(h.memoryInit(0, 0, 1, 0));
        assertEquals(Optional.of("Exception: out of bounds memory access"), exception.get());
    }
}
