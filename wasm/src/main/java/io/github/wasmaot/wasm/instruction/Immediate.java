package io.github.wasmaot.wasm.instruction;

import io.github.wasmaot.wasm.model.ValType;
import java.util.List;

/**
 * The immediate operands of an instruction; the variant is fixed by {@link Opcode#immediateKind()}.
 * Indices are unsigned 32-bit values held in ints (use {@link Integer#toUnsignedLong}).
 */
public sealed interface Immediate permits Immediate.None, BlockType, Immediate.Index, Immediate.IndexPair,
        Immediate.BranchTable, Immediate.MemArg, Immediate.I32Const, Immediate.I64Const,
        Immediate.F32Const, Immediate.F64Const, Immediate.ValueTypes, Immediate.RefType {

    /** No immediates. */
    record None() implements Immediate {
        public static final None INSTANCE = new None();
    }

    /**
     * One index: a label depth, or a function/local/global/table/element/data index, or the
     * memory index of {@code memory.size}, {@code memory.grow} and {@code memory.fill}.
     */
    record Index(int index) implements Immediate {
    }

    /**
     * Two indices: {@code call_indirect} (type, table), {@code table.init} (element, table),
     * {@code table.copy} (destination, source), {@code memory.init} (data, memory),
     * {@code memory.copy} (destination, source).
     */
    record IndexPair(int first, int second) implements Immediate {
    }

    /** {@code br_table}: the label depths and the default depth. */
    record BranchTable(List<Integer> labels, int defaultLabel) implements Immediate {
        public BranchTable {
            labels = List.copyOf(labels);
        }
    }

    /** A memory access: log2 alignment hint and unsigned 32-bit static offset. */
    record MemArg(long align, long offset) implements Immediate {
    }

    record I32Const(int value) implements Immediate {
    }

    record I64Const(long value) implements Immediate {
    }

    /** IEEE-754 bit pattern (NaN payloads preserved). */
    record F32Const(int bits) implements Immediate {
    }

    /** IEEE-754 bit pattern (NaN payloads preserved). */
    record F64Const(long bits) implements Immediate {
    }

    /** The type list of a typed {@code select}. */
    record ValueTypes(List<ValType> types) implements Immediate {
        public ValueTypes {
            types = List.copyOf(types);
        }
    }

    /** The reference type of {@code ref.null}. */
    record RefType(ValType type) implements Immediate {
    }
}
