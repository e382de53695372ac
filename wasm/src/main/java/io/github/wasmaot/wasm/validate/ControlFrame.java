package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.ValType;
import java.util.List;

/** A control frame of the spec's validation algorithm (appendix "Validation Algorithm"). */
final class ControlFrame {

    final Opcode opcode;
    final List<ValType> startTypes;
    final List<ValType> endTypes;
    final int height;
    boolean unreachable;

    ControlFrame(Opcode opcode, List<ValType> startTypes, List<ValType> endTypes, int height) {
        this.opcode = opcode;
        this.startTypes = startTypes;
        this.endTypes = endTypes;
        this.height = height;
    }

    /** Types a branch to this frame carries: the start types for a loop, the end types otherwise. */
    List<ValType> labelTypes() {
        return opcode == Opcode.LOOP ? startTypes : endTypes;
    }
}
