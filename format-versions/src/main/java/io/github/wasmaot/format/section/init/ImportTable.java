package io.github.wasmaot.format.section.init;

/** An imported table. Layouts differ in which fields they store and how wide; absent fields are 0. */
public record ImportTable(int elemType, int flags, int possibleGrow, int nullable, long initSize, long maxSize) {
}
