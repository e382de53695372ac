package io.github.wasmaot.loader.runtime;

import static io.github.wasmaot.loader.ValueType.I32;
import static io.github.wasmaot.loader.ValueType.I64;

import io.github.wasmaot.format.profile.runtime.TableInstanceStruct;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.MemInitData;
import io.github.wasmaot.format.section.init.TableInitData;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.TrapKind;
import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.HostFunction;
import io.github.wasmaot.loader.backend.HostSignature;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime helpers wamrc calls for bulk memory and table instructions, with the names, C signatures and
 * behaviour of aot_runtime.c at the pinned revisions (cba4c782:2421-2475, 2688-2820; WAMR-2.4.4:3539-3592,
 * 3796-3960): aot_memory_init, aot_data_drop, aot_drop_table_seg, aot_table_init, aot_table_copy,
 * aot_table_fill, aot_table_grow. Each takes the AOTModuleInstance first. Table traps go through
 * aot_set_exception_with_id (unwinding where the runtime does); aot_memory_init reports failure by its result
 * after aot_set_exception, as the runtime does. Where the runtimes differ, {@link SegmentRules} says how.
 * Bounds are checked without 32-bit wrap-around in both runtimes, so no helper ever writes outside a table.
 */
final class SegmentHelpers {
    private static final String OUT_OF_BOUNDS_MEMORY = "out of bounds memory access";

    private final Backend backend;
    private final ExceptionRaiser raiser;
    private final TableImages tables;
    private final long inst;
    private final Optional<LinearMemory> memory;
    private final SegmentRules rules;
    private final List<TableInitData> elemSegments;
    private final List<long[]> elemValues;
    private final List<MemInitData> dataSegments;
    private final BitSet elemDropped = new BitSet();
    private final BitSet dataDropped = new BitSet();

    SegmentHelpers(Backend backend, ExceptionRaiser raiser, TableImages tables, long inst,
                   Optional<LinearMemory> memory, SegmentRules rules, List<TableInitData> elemSegments,
                   List<MemInitData> dataSegments, ConstantInitializer constants) throws LoaderException {
        this.backend = backend;
        this.raiser = raiser;
        this.tables = tables;
        this.inst = inst;
        this.memory = memory;
        this.rules = rules;
        this.elemSegments = List.copyOf(elemSegments);
        this.dataSegments = List.copyOf(dataSegments);
        TableInstanceStruct ti = tables.layout();
        this.elemValues = new ArrayList<>();
        for (int s = 0; s < elemSegments.size(); s++) {
            TableInitData seg = elemSegments.get(s);
            long[] values = new long[seg.values().size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = ConstantInitializer.isNullRef(seg.values().get(k)) ? ti.nullRef()
                        : constants.bits(seg.values().get(k), "element segment " + s + " value " + k);
            }
            elemValues.add(values);
            if (rules.activeSegmentsDropped()
                    && (!passive(seg) || declarative(seg) && rules.declarativeSegmentsDropped())) {
                elemDropped.set(s);
            }
        }
        for (int s = 0; s < dataSegments.size(); s++) {
            if (rules.activeSegmentsDropped() && dataSegments.get(s).isPassive() == 0) {
                dataDropped.set(s);
            }
        }
    }

    /**
     * @param inst the module instance's address; {@code tables} are placed in it
     */
    static Map<String, HostFunction> forInstance(Backend backend, ExceptionRaiser raiser, TableImages tables,
                                                 long inst, Optional<LinearMemory> memory, SegmentRules rules,
                                                 InitDataSection init, ConstantInitializer constants)
            throws LoaderException {
        SegmentHelpers h = new SegmentHelpers(backend, raiser, tables, inst, memory, rules, init.tableInitData(),
                init.memInitData(), constants);
        Map<String, HostFunction> m = new LinkedHashMap<>();
        put(m, "aot_memory_init", HostSignature.of(I32, I64, I32, I32, I32, I64),
                a -> h.memoryInit(u32(a[1]), u32(a[2]), u32(a[3]), u32(a[4])) ? 1 : 0);
        put(m, "aot_data_drop", HostSignature.of(I32, I64, I32), a -> {
            h.dataDrop((int) u32(a[1]));
            return 1;
        });
        put(m, "aot_drop_table_seg", HostSignature.of(null, I64, I32), a -> {
            h.dropTableSeg((int) u32(a[1]));
            return 0;
        });
        put(m, "aot_table_init", HostSignature.of(null, I64, I32, I32, I32, I32, I32), a -> {
            h.tableInit((int) u32(a[1]), (int) u32(a[2]), u32(a[3]), u32(a[4]), u32(a[5]));
            return 0;
        });
        put(m, "aot_table_copy", HostSignature.of(null, I64, I32, I32, I32, I32, I32), a -> {
            h.tableCopy((int) u32(a[1]), (int) u32(a[2]), u32(a[3]), u32(a[4]), u32(a[5]));
            return 0;
        });
        put(m, "aot_table_fill", HostSignature.of(null, I64, I32, I32, I64, I32), a -> {
            h.tableFill((int) u32(a[1]), u32(a[2]), a[3], u32(a[4]));
            return 0;
        });
        put(m, "aot_table_grow", HostSignature.of(I32, I64, I32, I32, I64),
                a -> h.tableGrow((int) u32(a[1]), u32(a[2]), a[3]));
        return m;
    }

    private static void put(Map<String, HostFunction> m, String name, HostSignature sig,
                            java.util.function.ToLongFunction<long[]> body) {
        m.put(name, new JavaHelper(name, sig, body));
    }

    /** wasm_elem_is_passive as both runtimes define it: mode bit 0 set (so declarative segments count too). */
    private static boolean passive(TableInitData seg) {
        return (seg.mode() & 1) == 1;
    }

    /** wasm_elem_is_declarative: mode bits 0-1 set. */
    private static boolean declarative(TableInitData seg) {
        return (seg.mode() & 3) == 3;
    }

    private static long u32(long bits) {
        return bits & 0xffffffffL;
    }

    void dataDrop(int seg) {
        dataDropped.set(seg);
    }

    void dropTableSeg(int seg) {
        elemDropped.set(seg);
    }

    boolean memoryInit(long seg, long offset, long len, long dst) {
        long dataSize = memory.map(LinearMemory::dataSize).orElse(0L);
        if (dst + len > dataSize) {
            raiser.setText(OUT_OF_BOUNDS_MEMORY);
            return false;
        }
        byte[] bytes = dataDropped.get((int) seg) ? new byte[0] : dataSegments.get((int) seg).bytes();
        if (offset + len > bytes.length) {
            raiser.setText(OUT_OF_BOUNDS_MEMORY);
            return false;
        }
        if (len > 0) {
            memory.get().write(dst, java.util.Arrays.copyOfRange(bytes, (int) offset, (int) (offset + len)));
        }
        return true;
    }

    void tableInit(int table, int seg, long length, long srcOffset, long dstOffset) {
        if (length == 0 && rules.tableInitZeroLengthFirst()) {
            return;
        }
        boolean unavailable = elemDropped.get(seg) || !passive(elemSegments.get(seg));
        if (unavailable && rules.tableInitRefusesUnavailable()) {
            raiser.raise(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
            return;
        }
        long[] values = elemDropped.get(seg) ? new long[0] : elemValues.get(seg);
        if (srcOffset + length > values.length || dstOffset + length > curSize(table)) {
            raiser.raise(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
            return;
        }
        for (int i = 0; i < length; i++) {
            writeElem(table, dstOffset + i, values[(int) srcOffset + i]);
        }
    }

    void tableCopy(int srcTable, int dstTable, long length, long srcOffset, long dstOffset) {
        if (dstOffset + length > curSize(dstTable) || srcOffset + length > curSize(srcTable)) {
            raiser.raise(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
            return;
        }
        long[] moved = new long[(int) length];
        for (int i = 0; i < length; i++) {
            moved[i] = readElem(srcTable, srcOffset + i);
        }
        for (int i = 0; i < length; i++) {
            writeElem(dstTable, dstOffset + i, moved[i]);
        }
    }

    void tableFill(int table, long length, long value, long offset) {
        if (offset + length > curSize(table)) {
            raiser.raise(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
            return;
        }
        for (long i = 0; i < length; i++) {
            writeElem(table, offset + i, value);
        }
    }

    /** The old size, or (uint32)-1 when the table cannot grow by {@code inc}. */
    long tableGrow(int table, long inc, long init) {
        if (table < 0 || table >= tables.count()) {
            return 0xffffffffL;
        }
        long size = curSize(table);
        if (inc == 0) {
            return size;
        }
        long total = size + inc;
        long max = TableImages.readU32(backend, tables.tableAddress(inst, table) + tables.layout().maxSize());
        if (total > 0xffffffffL || total > max || total > tables.capacity(table)) {
            return 0xffffffffL;
        }
        for (long i = size; i < total; i++) {
            writeElem(table, i, init);
        }
        writeU32(tables.tableAddress(inst, table) + tables.layout().curSize(), total);
        return size;
    }

    long curSize(int table) {
        return TableImages.readU32(backend, tables.tableAddress(inst, table) + tables.layout().curSize());
    }

    private long elemAddress(int table, long index) {
        TableInstanceStruct ti = tables.layout();
        return tables.tableAddress(inst, table) + ti.elems() + index * ti.elemBytes();
    }

    long readElem(int table, long index) {
        byte[] b = backend.read(elemAddress(table, index), tables.layout().elemBytes());
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = v << 8 | (b[i] & 0xffL);
        }
        return v;
    }

    private void writeElem(int table, long index, long value) {
        int width = tables.layout().elemBytes();
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        backend.write(elemAddress(table, index), b);
    }

    private void writeU32(long address, long value) {
        backend.write(address, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16),
            (byte) (value >>> 24)});
    }
}
