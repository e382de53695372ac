package io.github.wasmaot.wasm.instruction;

/** One decoded instruction and the byte offset of its opcode in the module binary. */
public record Instruction(Opcode opcode, Immediate immediate, int offset) {

    /** The immediate as a single index (for {@link Immediate.Index} immediates). */
    public int index() {
        return ((Immediate.Index) immediate).index();
    }

    @Override
    public String toString() {
        return opcode.mnemonic() + (immediate instanceof Immediate.None ? "" : " " + immediate) + " @" + offset;
    }
}
