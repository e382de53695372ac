package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.GlobalType;
import io.github.wasmaot.wasm.model.MemoryType;
import io.github.wasmaot.wasm.model.TableType;
import io.github.wasmaot.wasm.model.ValType;
import java.util.List;
import java.util.Set;

/**
 * The spec's validation context C at module level: the index spaces with their types,
 * the number of data segments and the set of function indices that may be used by
 * {@code ref.func} ("declared" references). Lookups take unsigned 32-bit indices held in ints.
 */
record ValidationContext(List<FuncType> types, List<FuncType> functions, List<TableType> tables,
                         List<MemoryType> memories, List<GlobalType> globals, List<ValType> elements,
                         int dataCount, Set<Integer> declaredReferences) {

    FuncType type(int index) {
        if (Integer.compareUnsigned(index, types.size()) >= 0) {
            throw new ValidationFailure("unknown type " + Integer.toUnsignedString(index));
        }
        return types.get(index);
    }

    FuncType function(int index) {
        if (Integer.compareUnsigned(index, functions.size()) >= 0) {
            throw new ValidationFailure("unknown function " + Integer.toUnsignedString(index));
        }
        return functions.get(index);
    }

    TableType table(int index) {
        if (Integer.compareUnsigned(index, tables.size()) >= 0) {
            throw new ValidationFailure("unknown table " + Integer.toUnsignedString(index));
        }
        return tables.get(index);
    }

    MemoryType memory(int index) {
        if (Integer.compareUnsigned(index, memories.size()) >= 0) {
            throw new ValidationFailure("unknown memory " + Integer.toUnsignedString(index));
        }
        return memories.get(index);
    }

    int globalCount() {
        return globals.size();
    }

    GlobalType global(int index) {
        if (Integer.compareUnsigned(index, globals.size()) >= 0) {
            throw new ValidationFailure("unknown global " + Integer.toUnsignedString(index));
        }
        return globals.get(index);
    }

    ValType element(int index) {
        if (Integer.compareUnsigned(index, elements.size()) >= 0) {
            throw new ValidationFailure("unknown elem segment " + Integer.toUnsignedString(index));
        }
        return elements.get(index);
    }

    void data(int index) {
        if (Integer.compareUnsigned(index, dataCount) >= 0) {
            throw new ValidationFailure("unknown data segment " + Integer.toUnsignedString(index));
        }
    }
}
