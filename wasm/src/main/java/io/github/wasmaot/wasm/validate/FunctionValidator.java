package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.InvalidModuleException;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.FunctionBody;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Validates one function body with the spec's algorithm, dispatching each instruction to its rule group. */
final class FunctionValidator {

    private final Map<Opcode.Category, InstructionRules> rules = new EnumMap<>(Opcode.Category.class);

    private FunctionValidator(ValidationContext context, Locals locals) {
        rules.put(Opcode.Category.CONTROL, new ControlInstructions(context));
        rules.put(Opcode.Category.PARAMETRIC, new ParametricInstructions());
        rules.put(Opcode.Category.VARIABLE, new VariableInstructions(context, locals));
        rules.put(Opcode.Category.TABLE, new TableInstructions(context));
        rules.put(Opcode.Category.MEMORY, new MemoryInstructions(context));
        rules.put(Opcode.Category.NUMERIC, new SignatureRules());
        rules.put(Opcode.Category.REFERENCE, new ReferenceInstructions(context));
    }

    static void validate(ValidationContext context, int functionIndex, FuncType type, FunctionBody body) {
        FunctionValidator validator = new FunctionValidator(context, new Locals(type.params(), body.locals()));
        TypeStack stack = new TypeStack();
        stack.pushFrame(Opcode.BLOCK, List.of(), type.results());
        for (Instruction in : body.instructions()) {
            try {
                validator.rules.get(in.opcode().category()).apply(in, stack);
            } catch (ValidationFailure f) {
                throw new InvalidModuleException(f.getMessage(), functionIndex, in.offset());
            }
        }
        if (stack.hasFrames()) {
            throw new InvalidModuleException("unexpected end", functionIndex, body.offset());
        }
    }
}
