package io.github.wasmaot.format.section.init;

/** The module's auxiliary data/heap/stack globals (widths of the address fields depend on the layout). */
public record AuxInfo(long dataEndGlobalIndex, long dataEnd, long heapBaseGlobalIndex, long heapBase,
                      long stackTopGlobalIndex, long stackBottom, long stackSize) {
}
