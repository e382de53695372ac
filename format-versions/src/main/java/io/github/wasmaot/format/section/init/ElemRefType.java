package io.github.wasmaot.format.section.init;

/** The element reference type stored with a table segment from AOT v5 on. */
public record ElemRefType(int refType, int nullable, long heapType) {
}
