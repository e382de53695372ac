package io.github.wasmaot.format.facts;

/** The displacement range the runtime accepts for a branch relocation (bytes, inclusive). */
public record BranchRange(String relocation, long min, long max) {
    public boolean contains(long displacement) {
        return displacement >= min && displacement <= max;
    }
}
