package io.github.wasmaot.format.section.init;

/** One data segment. */
public record MemInitData(long isPassive, long memoryIndex, InitExpr offset, byte[] bytes) {
    public MemInitData {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
