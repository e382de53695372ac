package io.github.wasmaot.wasm.validate;

import static io.github.wasmaot.wasm.model.ValType.I32;

import io.github.wasmaot.wasm.instruction.BlockType;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.TableType;
import io.github.wasmaot.wasm.model.ValType;
import java.util.List;

/** Blocks, branches, calls, {@code unreachable}, {@code return}. */
final class ControlInstructions implements InstructionRules {

    private final ValidationContext context;

    ControlInstructions(ValidationContext context) {
        this.context = context;
    }

    @Override
    public void apply(Instruction in, TypeStack stack) {
        switch (in.opcode()) {
            case UNREACHABLE -> stack.markUnreachable();
            case NOP -> {
            }
            case BLOCK, LOOP -> {
                FuncType type = blockType((BlockType) in.immediate());
                stack.popAll(type.params());
                stack.pushFrame(in.opcode(), type.params(), type.results());
            }
            case IF -> {
                FuncType type = blockType((BlockType) in.immediate());
                stack.pop(I32);
                stack.popAll(type.params());
                stack.pushFrame(Opcode.IF, type.params(), type.results());
            }
            case ELSE -> {
                ControlFrame frame = stack.popFrame();
                if (frame.opcode != Opcode.IF) {
                    throw new ValidationFailure("else without if");
                }
                stack.pushFrame(Opcode.ELSE, frame.startTypes, frame.endTypes);
            }
            case END -> {
                ControlFrame frame = stack.popFrame();
                if (frame.opcode == Opcode.IF && !frame.startTypes.equals(frame.endTypes)) {
                    throw new ValidationFailure("type mismatch: if without else must not change the stack type");
                }
                stack.pushAll(frame.endTypes);
            }
            case BR -> {
                stack.popAll(stack.frame(in.index()).labelTypes());
                stack.markUnreachable();
            }
            case BR_IF -> {
                stack.pop(I32);
                List<ValType> label = stack.frame(in.index()).labelTypes();
                stack.popAll(label);
                stack.pushAll(label);
            }
            case BR_TABLE -> branchTable((Immediate.BranchTable) in.immediate(), stack);
            case RETURN -> {
                stack.popAll(stack.outermost().endTypes);
                stack.markUnreachable();
            }
            case CALL -> call(context.function(in.index()), stack);
            case CALL_INDIRECT -> {
                Immediate.IndexPair pair = (Immediate.IndexPair) in.immediate();
                TableType table = context.table(pair.second());
                if (table.elementType() != ValType.FUNCREF) {
                    throw new ValidationFailure("type mismatch: call_indirect needs a funcref table");
                }
                FuncType type = context.type(pair.first());
                stack.pop(I32);
                call(type, stack);
            }
            default -> throw new IllegalArgumentException("not a control instruction: " + in);
        }
    }

    private void branchTable(Immediate.BranchTable table, TypeStack stack) {
        stack.pop(I32);
        List<ValType> defaultTypes = stack.frame(table.defaultLabel()).labelTypes();
        int arity = defaultTypes.size();
        for (int label : table.labels()) {
            List<ValType> types = stack.frame(label).labelTypes();
            if (types.size() != arity) {
                throw new ValidationFailure("type mismatch: br_table targets have different arities");
            }
            stack.pushAll(stack.popAll(types));
        }
        stack.popAll(defaultTypes);
        stack.markUnreachable();
    }

    private static void call(FuncType type, TypeStack stack) {
        stack.popAll(type.params());
        stack.pushAll(type.results());
    }

    private FuncType blockType(BlockType type) {
        if (type instanceof BlockType.Value v) {
            return new FuncType(List.of(), List.of(v.type()));
        }
        if (type instanceof BlockType.TypeIndex t) {
            return context.type(t.typeIndex());
        }
        return new FuncType(List.of(), List.of());
    }
}
