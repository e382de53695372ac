package io.github.wasmaot.loader.layout;

/**
 * AOTTableInstance: header fields, element array offset, element width and the value of a null funcref.
 */
public record TableInstanceLayout(int elemType, int curSize, int maxSize, int elems, int elemSize, long nullRef) {
    /** Bytes of one table instance with {@code slots} elements. */
    public long sizeWith(long slots) {
        return elems + slots * elemSize;
    }
}
