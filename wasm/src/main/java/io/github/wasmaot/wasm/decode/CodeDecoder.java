package io.github.wasmaot.wasm.decode;

import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.FunctionBody;
import io.github.wasmaot.wasm.model.LocalGroup;
import java.util.ArrayList;
import java.util.List;

/** Decodes one entry of the code section: size, local declarations and instructions. */
final class CodeDecoder {

    private static final long MAX_LOCALS = 0xffff_ffffL;

    private final WasmReader reader;
    private final InstructionDecoder instructions;

    CodeDecoder(WasmReader reader, InstructionDecoder instructions) {
        this.reader = reader;
        this.instructions = instructions;
    }

    FunctionBody body() {
        int at = reader.position();
        long size = reader.u32();
        int start = reader.position();
        if (size > reader.remaining()) {
            throw new MalformedModuleException("unexpected end of section or function", start);
        }
        int end = start + (int) size;
        int outer = reader.enter(end);
        try {
            List<LocalGroup> locals = locals();
            int codeOffset = reader.position();
            List<Instruction> code = instructions.functionBody();
            if (reader.position() != end) {
                throw new MalformedModuleException("section size mismatch", reader.position());
            }
            return new FunctionBody(locals, code, at, codeOffset);
        } finally {
            reader.leave(outer);
        }
    }

    private List<LocalGroup> locals() {
        int n = reader.vectorLength();
        List<LocalGroup> groups = new ArrayList<>(n);
        long total = 0;
        for (int i = 0; i < n; i++) {
            int at = reader.position();
            long count = reader.u32();
            total += count;
            if (total > MAX_LOCALS) {
                throw new MalformedModuleException("too many locals", at);
            }
            groups.add(new LocalGroup(count, TypeDecoder.valueType(reader)));
        }
        return groups;
    }
}
