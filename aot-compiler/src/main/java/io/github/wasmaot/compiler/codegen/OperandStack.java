package io.github.wasmaot.compiler.codegen;

import io.github.wasmaot.wasm.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** The wasm operand stack during translation; also tracks the deepest stack in cells (WAMR's unit). */
final class OperandStack {
    private final List<Value> values = new ArrayList<>();
    private int cells;
    private int maxCells;

    void push(LLVMValueRef ref, ValType type) {
        push(new Value(ref, type));
    }

    void push(Value v) {
        values.add(v);
        cells += cellsOf(v.type());
        maxCells = Math.max(maxCells, cells);
    }

    Value pop() {
        Value v = values.remove(values.size() - 1);
        cells -= cellsOf(v.type());
        return v;
    }

    LLVMValueRef popRef() {
        return pop().ref();
    }

    /** The top {@code n} values, bottom first, removed. */
    List<Value> pop(int n) {
        List<Value> out = new ArrayList<>(values.subList(values.size() - n, values.size()));
        for (int i = 0; i < n; i++) {
            pop();
        }
        return out;
    }

    /** The top {@code n} values, bottom first, left in place. */
    List<Value> peek(int n) {
        return new ArrayList<>(values.subList(values.size() - n, values.size()));
    }

    int size() {
        return values.size();
    }

    void truncate(int height) {
        while (values.size() > height) {
            pop();
        }
    }

    int maxCells() {
        return maxCells;
    }

    static int cellsOf(ValType t) {
        return t == ValType.I64 || t == ValType.F64 ? 2 : 1;
    }
}
