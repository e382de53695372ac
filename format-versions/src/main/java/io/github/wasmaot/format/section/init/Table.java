package io.github.wasmaot.format.section.init;

/** A defined table. Layouts differ in field widths; absent fields are 0. */
public record Table(long elemType, long flags, long possibleGrow, int nullable, long initSize, long maxSize) {
}
