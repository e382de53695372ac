package io.github.wasmaot.format.facts;

/** One bit of target-info feature_flags and whether the pinned runtime build accepts images with it set. */
public record FeatureFlag(int bit, String name, boolean accepted, String note) {
    public long mask() {
        return 1L << bit;
    }
}
