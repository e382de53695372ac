package io.github.wasmaot.wasm.decode;

import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.UnsupportedFeatureException;
import io.github.wasmaot.wasm.instruction.BlockType;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.ConstantExpression;
import io.github.wasmaot.wasm.model.ValType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Decodes instruction sequences (function bodies and constant expressions) up to and including
 * the {@code end} that closes the outermost block, tracking block nesting so that a stray
 * {@code else} or a missing {@code end} is a decoding error.
 */
final class InstructionDecoder {

    private final WasmReader reader;
    private int firstDataUse = -1;

    InstructionDecoder(WasmReader reader) {
        this.reader = reader;
    }

    /**
     * Offset of the first {@code memory.init} or {@code data.drop} decoded, or -1. Such
     * instructions need a data count section when the module has data segments.
     */
    int firstDataUse() {
        return firstDataUse;
    }

    ConstantExpression constantExpression() {
        int at = reader.position();
        return new ConstantExpression(expression(false), at);
    }

    /** A function body's instructions up to and including its final {@code end}. */
    List<Instruction> functionBody() {
        return expression(true);
    }

    /** Instructions up to and including the {@code end} of the implicit outermost block. */
    private List<Instruction> expression(boolean functionBody) {
        List<Instruction> out = new ArrayList<>();
        Deque<Opcode> open = new ArrayDeque<>();
        while (true) {
            Instruction in = instruction(functionBody);
            out.add(in);
            switch (in.opcode()) {
                case BLOCK, LOOP, IF -> open.push(in.opcode());
                case ELSE -> {
                    if (open.isEmpty() || open.peek() != Opcode.IF) {
                        throw new MalformedModuleException("END opcode expected", in.offset());
                    }
                    open.pop();
                    open.push(Opcode.ELSE);
                }
                case END -> {
                    if (open.isEmpty()) {
                        return out;
                    }
                    open.pop();
                }
                default -> {
                }
            }
        }
    }

    private Instruction instruction(boolean inFunctionBody) {
        int at = reader.position();
        if (reader.atLimit()) {
            // the reference interpreter's wording for a missing end, which we follow
            if (!reader.atFileEnd()) {
                throw new MalformedModuleException("END opcode expected", at);
            }
            if (!inFunctionBody) {
                throw new MalformedModuleException("unexpected end", at);
            }
        }
        int code = reader.u8();
        Opcode op;
        if (code == 0xfc) {
            long sub = reader.u32();
            op = sub > 0xff ? null : Opcode.prefixed(0xfc, (int) sub);
            if (op == null && sub >= 19 && sub <= 22) {
                // i64.add128, i64.sub128, i64.mul_wide_s, i64.mul_wide_u
                throw new UnsupportedFeatureException("wide arithmetic", String.format("opcode 0xfc %d", sub), at);
            }
        } else {
            op = Opcode.single(code);
        }
        if (op == null) {
            throw unknownOpcode(code, at);
        }
        return new Instruction(op, immediate(op, at), at);
    }

    private MalformedModuleException unknownOpcode(int code, int at) {
        return switch (code) {
            case 0xfd -> simd(at);
            case 0xfe -> new UnsupportedFeatureException("threads", "opcode prefix 0xfe (atomics)", at);
            case 0x06, 0x07, 0x08, 0x09, 0x0a, 0x18, 0x19, 0x1f ->
                    new UnsupportedFeatureException("exception handling", String.format("opcode 0x%02x", code), at);
            case 0x12, 0x13 -> new UnsupportedFeatureException("tail calls", String.format("opcode 0x%02x", code), at);
            case 0x14, 0x15, 0xd3, 0xd4, 0xd5, 0xd6 ->
                    new UnsupportedFeatureException("function references", String.format("opcode 0x%02x", code), at);
            case 0xfb -> new UnsupportedFeatureException("GC", "opcode prefix 0xfb", at);
            // cont.new, cont.bind, suspend, resume, resume_throw, switch
            case 0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5 ->
                    new UnsupportedFeatureException("stack switching", String.format("opcode 0x%02x", code), at);
            default -> new MalformedModuleException("illegal opcode", at);
        };
    }

    /** SIMD, or relaxed SIMD when the sub-opcode is one of that proposal's (0x100 to 0x113). */
    private MalformedModuleException simd(int at) {
        long sub;
        try {
            sub = reader.u32();
        } catch (MalformedModuleException e) {
            return new UnsupportedFeatureException("SIMD", "opcode prefix 0xfd", at);
        }
        if (sub >= 0x100 && sub <= 0x113) {
            return new UnsupportedFeatureException("relaxed SIMD", String.format("opcode 0xfd 0x%x", sub), at);
        }
        return new UnsupportedFeatureException("SIMD", "opcode prefix 0xfd", at);
    }

    /** The reserved memory index byte: anything but zero is another memory (multi-memory proposal). */
    private void memoryIndex() {
        int at = reader.position();
        int b = reader.peek();
        if (b != 0) {
            throw new UnsupportedFeatureException("multi-memory", "zero byte expected",
                    String.format("memory index byte 0x%02x", b), at);
        }
        reader.zeroByte();
    }

    private Immediate immediate(Opcode op, int at) {
        return switch (op.immediateKind()) {
            case NONE -> Immediate.None.INSTANCE;
            case BLOCK_TYPE -> blockType();
            case INDEX -> {
                int index = reader.u32Index();
                if (op == Opcode.DATA_DROP) {
                    noteDataUse(at);
                }
                yield new Immediate.Index(index);
            }
            case INDEX_PAIR -> indexPair(op, at);
            case BR_TABLE -> {
                int n = reader.vectorLength();
                List<Integer> labels = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    labels.add(reader.u32Index());
                }
                yield new Immediate.BranchTable(labels, reader.u32Index());
            }
            case MEMARG -> {
                long align = reader.u32();
                yield new Immediate.MemArg(align, reader.u32());
            }
            case MEMORY_INDEX -> {
                memoryIndex();
                yield new Immediate.Index(0);
            }
            case I32 -> new Immediate.I32Const(reader.s32());
            case I64 -> new Immediate.I64Const(reader.s64());
            case F32 -> new Immediate.F32Const(reader.f32Bits());
            case F64 -> new Immediate.F64Const(reader.f64Bits());
            case VALUE_TYPES -> new Immediate.ValueTypes(TypeDecoder.valueTypes(reader));
            case REF_TYPE -> new Immediate.RefType(TypeDecoder.referenceType(reader));
        };
    }

    private Immediate indexPair(Opcode op, int at) {
        switch (op) {
            case MEMORY_INIT -> {
                int data = reader.u32Index();
                noteDataUse(at);
                memoryIndex();
                return new Immediate.IndexPair(data, 0);
            }
            case MEMORY_COPY -> {
                memoryIndex();
                memoryIndex();
                return new Immediate.IndexPair(0, 0);
            }
            default -> {
                int first = reader.u32Index();
                return new Immediate.IndexPair(first, reader.u32Index());
            }
        }
    }

    private void noteDataUse(int at) {
        if (firstDataUse < 0) {
            firstDataUse = at;
        }
    }

    private BlockType blockType() {
        int at = reader.position();
        int first = reader.peek();
        if (first == 0x40) {
            reader.u8();
            return new BlockType.Empty();
        }
        ValType t = ValType.fromCode(first);
        if (t != null) {
            reader.u8();
            return new BlockType.Value(t);
        }
        if (first == TypeDecoder.V128_CODE) {
            throw new UnsupportedFeatureException("SIMD", "block type v128", at);
        }
        if (TypeDecoder.unknownType(first, "malformed value type", at) instanceof UnsupportedFeatureException u) {
            throw u;
        }
        long index = reader.s33();
        if (index < 0) {
            throw new MalformedModuleException("malformed value type", at);
        }
        return new BlockType.TypeIndex((int) index);
    }
}
