package io.github.wasmaot.format.section.init;

/**
 * A function type: param then result value types. {@code typeFlag} is 0 in layouts without one.
 */
public record FuncType(int typeFlag, long paramCount, long resultCount, byte[] types) {
    public FuncType {
        types = types.clone();
    }

    @Override
    public byte[] types() {
        return types.clone();
    }
}
