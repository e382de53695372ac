package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.GlobalType;
import io.github.wasmaot.wasm.model.ValType;

/** {@code local.get/set/tee} and {@code global.get/set}. */
final class VariableInstructions implements InstructionRules {

    private final ValidationContext context;
    private final Locals locals;

    VariableInstructions(ValidationContext context, Locals locals) {
        this.context = context;
        this.locals = locals;
    }

    @Override
    public void apply(Instruction in, TypeStack stack) {
        switch (in.opcode()) {
            case LOCAL_GET -> stack.push(locals.type(Integer.toUnsignedLong(in.index())));
            case LOCAL_SET -> stack.pop(locals.type(Integer.toUnsignedLong(in.index())));
            case LOCAL_TEE -> {
                ValType t = locals.type(Integer.toUnsignedLong(in.index()));
                stack.pop(t);
                stack.push(t);
            }
            case GLOBAL_GET -> stack.push(context.global(in.index()).valType());
            case GLOBAL_SET -> {
                GlobalType g = context.global(in.index());
                if (!g.mutable()) {
                    throw new ValidationFailure("global is immutable");
                }
                stack.pop(g.valType());
            }
            default -> throw new IllegalArgumentException("not a variable instruction: " + in);
        }
    }
}
