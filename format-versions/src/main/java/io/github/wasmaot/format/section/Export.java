package io.github.wasmaot.format.section;

/** One export: kind (0 func, 1 table, 2 memory, 3 global), index, name. */
public record Export(long index, int kind, AotString name) {
    public String kindName() {
        return switch (kind) {
            case 0 -> "func";
            case 1 -> "table";
            case 2 -> "memory";
            case 3 -> "global";
            default -> "kind" + kind;
        };
    }
}
