package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operand and control stacks of the spec's validation algorithm. After an unconditional
 * branch the current frame is marked unreachable and popping below its height yields
 * {@link #UNKNOWN}, which matches any type (stack polymorphism).
 */
final class TypeStack {

    /** The {@code Unknown} operand type of the algorithm. */
    static final ValType UNKNOWN = null;

    private final List<ValType> values = new ArrayList<>();
    private final List<ControlFrame> frames = new ArrayList<>();

    void push(ValType type) {
        values.add(type);
    }

    void pushAll(List<ValType> types) {
        for (ValType t : types) {
            push(t);
        }
    }

    ValType pop() {
        ControlFrame frame = current();
        if (values.size() == frame.height) {
            if (frame.unreachable) {
                return UNKNOWN;
            }
            throw new ValidationFailure("type mismatch: expected a value but the stack is empty");
        }
        return values.remove(values.size() - 1);
    }

    ValType pop(ValType expected) {
        ValType actual = pop();
        if (actual != expected && actual != UNKNOWN && expected != UNKNOWN) {
            throw new ValidationFailure("type mismatch: expected " + expected + " but got " + actual);
        }
        return actual;
    }

    /** Pops {@code types} (last first) and returns the popped types in order. */
    List<ValType> popAll(List<ValType> types) {
        ValType[] popped = new ValType[types.size()];
        for (int i = types.size() - 1; i >= 0; i--) {
            popped[i] = pop(types.get(i));
        }
        return Arrays.asList(popped);
    }

    void pushFrame(Opcode opcode, List<ValType> in, List<ValType> out) {
        frames.add(new ControlFrame(opcode, in, out, values.size()));
        pushAll(in);
    }

    ControlFrame popFrame() {
        if (frames.isEmpty()) {
            throw new ValidationFailure("type mismatch: no open block");
        }
        ControlFrame frame = current();
        popAll(frame.endTypes);
        if (values.size() != frame.height) {
            throw new ValidationFailure("type mismatch: values remaining on the stack at end of block");
        }
        frames.remove(frames.size() - 1);
        return frame;
    }

    /** The frame {@code depth} levels out from the innermost ({@code 0}); "unknown label" if none. */
    ControlFrame frame(int depth) {
        if (Integer.compareUnsigned(depth, frames.size()) >= 0) {
            throw new ValidationFailure("unknown label");
        }
        return frames.get(frames.size() - 1 - depth);
    }

    ControlFrame current() {
        return frame(0);
    }

    boolean hasFrames() {
        return !frames.isEmpty();
    }

    /** The function's outermost frame (whose end types are the function's results). */
    ControlFrame outermost() {
        return frames.get(0);
    }

    void markUnreachable() {
        ControlFrame frame = current();
        values.subList(frame.height, values.size()).clear();
        frame.unreachable = true;
    }
}
