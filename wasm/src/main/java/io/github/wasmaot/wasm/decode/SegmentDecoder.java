package io.github.wasmaot.wasm.decode;

import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.ConstantExpression;
import io.github.wasmaot.wasm.model.DataMode;
import io.github.wasmaot.wasm.model.DataSegment;
import io.github.wasmaot.wasm.model.ElementMode;
import io.github.wasmaot.wasm.model.ElementSegment;
import io.github.wasmaot.wasm.model.ValType;
import java.util.ArrayList;
import java.util.List;

/** Decodes element segments (all eight encodings) and data segments (all three). */
final class SegmentDecoder {

    private final WasmReader reader;
    private final InstructionDecoder instructions;

    SegmentDecoder(WasmReader reader, InstructionDecoder instructions) {
        this.reader = reader;
        this.instructions = instructions;
    }

    ElementSegment element() {
        int at = reader.position();
        long flags = reader.u32();
        if (flags > 7) {
            throw new MalformedModuleException("malformed elements segment kind", at);
        }
        boolean passiveOrDeclarative = (flags & 1) != 0;
        boolean explicitTable = (flags & 2) != 0;
        boolean expressions = (flags & 4) != 0;
        ElementMode mode;
        if (passiveOrDeclarative) {
            mode = explicitTable ? new ElementMode.Declarative() : new ElementMode.Passive();
        } else {
            int table = explicitTable ? reader.u32Index() : 0;
            mode = new ElementMode.Active(table, instructions.constantExpression());
        }
        ValType type = ValType.FUNCREF;
        if (passiveOrDeclarative || explicitTable) {
            type = expressions ? TypeDecoder.referenceType(reader) : elementKind();
        }
        int n = reader.vectorLength();
        List<ConstantExpression> init = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            init.add(expressions ? instructions.constantExpression() : functionReference());
        }
        return new ElementSegment(type, init, mode, at);
    }

    private ValType elementKind() {
        int at = reader.position();
        if (reader.u8() != 0) {
            throw new MalformedModuleException("malformed element kind", at);
        }
        return ValType.FUNCREF;
    }

    /** A bare function index, represented as the expression {@code ref.func x; end}. */
    private ConstantExpression functionReference() {
        int at = reader.position();
        int index = reader.u32Index();
        int end = reader.position();
        return new ConstantExpression(List.of(
                new Instruction(Opcode.REF_FUNC, new Immediate.Index(index), at),
                new Instruction(Opcode.END, Immediate.None.INSTANCE, end)), at);
    }

    DataSegment data() {
        int at = reader.position();
        long flags = reader.u32();
        DataMode mode;
        if (flags == 1) {
            mode = new DataMode.Passive();
        } else if (flags == 0 || flags == 2) {
            int memory = flags == 2 ? reader.u32Index() : 0;
            mode = new DataMode.Active(memory, instructions.constantExpression());
        } else {
            throw new MalformedModuleException("malformed data segment kind", at);
        }
        long length = reader.u32();
        return new DataSegment(reader.bytes(length), mode, at);
    }
}
