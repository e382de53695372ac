package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.Table;
import io.github.wasmaot.format.section.init.TableInitData;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.format.profile.runtime.TableInstanceStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The table instances inside the module instance: where each sits, their initial contents (null elements,
 * then the active element segments) and element lookup for the runtime helpers.
 */
final class TableImages {
    private final TableInstanceStruct layout;
    private final List<Table> tables;
    private final List<Long> offsets;
    private final long end;

    private TableImages(TableInstanceStruct layout, List<Table> tables, List<Long> offsets, long end) {
        this.layout = layout;
        this.tables = tables;
        this.offsets = offsets;
        this.end = end;
    }

    /** Places the tables one after another from {@code start} (an offset in the module instance). */
    static TableImages place(TableInstanceStruct layout, List<Table> tables, long start) {
        List<Long> offsets = new ArrayList<>();
        long cursor = start;
        for (Table t : tables) {
            offsets.add(cursor);
            cursor += layout.sizeWith(slots(t));
        }
        return new TableImages(layout, List.copyOf(tables), offsets, cursor);
    }

    /** Offset just past the last table. */
    long end() {
        return end;
    }

    /** Element slots the runtime allocates: the maximum when the table may grow, else the initial size. */
    private static long slots(Table t) {
        return Math.max(t.initSize(), t.possibleGrow() != 0 ? Math.min(t.maxSize(), 1L << 20) : t.initSize());
    }

    void fill(StructImage s, InitDataSection init, int funcIndexSpace, ConstantInitializer constants)
            throws LoaderException {
        TableInstanceStruct ti = layout;
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            long at = offsets.get(i);
            if (ti.elemTypeOffset().isPresent()) {
                s.u8(at + ti.elemTypeOffset().getAsInt(), (int) t.elemType());
            }
            s.u32(at + ti.curSize(), t.initSize());
            s.u32(at + ti.maxSize(), t.possibleGrow() != 0 ? t.maxSize() : t.initSize());
            for (long k = 0; k < slots(t); k++) {
                s.uint(at + ti.elems() + k * ti.elemBytes(), ti.elemBytes(), ti.nullRef());
            }
        }
        for (TableInitData seg : init.tableInitData()) {
            if ((seg.mode() & 1) != 0) {
                continue; // passive or declarative: wasm_elem_is_active(mode) is (mode & 1) == 0
            }
            int table = (int) seg.tableIndex();
            if (table >= tables.size()) {
                throw new LoaderException("element segment for unknown table " + table);
            }
            long offset = constants.offset(seg.offset(), "element segment offset");
            if (offset + seg.values().size() > tables.get(table).initSize()) {
                throw new LoaderException("out of bounds table access");
            }
            for (int k = 0; k < seg.values().size(); k++) {
                long value = ConstantInitializer.isNullRef(seg.values().get(k)) ? ti.nullRef()
                        : constants.bits(seg.values().get(k), "element " + k);
                if (value != ti.nullRef() && value >= funcIndexSpace) {
                    throw new LoaderException("element segment names unknown function " + value);
                }
                s.uint(offsets.get(table) + ti.elems() + (offset + k) * ti.elemBytes(), ti.elemBytes(), value);
            }
        }
    }

    /**
     * The function index in element {@code elem} of table {@code table} of the live instance at {@code inst};
     * empty when out of the table's current size. A null element reads as (uint32)-1.
     */
    OptionalLong element(Backend backend, long inst, long table, long elem) {
        if (table < 0 || table >= offsets.size()) {
            return OptionalLong.empty();
        }
        long at = inst + offsets.get((int) table);
        long curSize = readU32(backend, at + layout.curSize());
        if (elem < 0 || elem >= curSize) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(readU32(backend, at + layout.elems() + elem * layout.elemBytes()));
    }

    int count() {
        return tables.size();
    }

    /** Address of table {@code table}'s instance struct in the live instance at {@code inst}. */
    long tableAddress(long inst, int table) {
        return inst + offsets.get(table);
    }

    TableInstanceStruct layout() {
        return layout;
    }

    /** Element slots allocated for table {@code table}: growth beyond them is refused. */
    long capacity(int table) {
        return slots(tables.get(table));
    }

    static long readU32(Backend backend, long address) {
        byte[] b = backend.read(address, 4);
        return (b[0] & 0xffL) | (b[1] & 0xffL) << 8 | (b[2] & 0xffL) << 16 | (b[3] & 0xffL) << 24;
    }
}
