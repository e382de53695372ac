package io.github.wasmaot.format.section.init;

public record Memory(long flags, long bytesPerPage, long initPageCount, long maxPageCount) {
}
