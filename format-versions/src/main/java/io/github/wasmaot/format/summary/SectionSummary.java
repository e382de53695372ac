package io.github.wasmaot.format.summary;

/** One section: id, name, header offset, body offset and body size. */
public record SectionSummary(long id, String name, int headerOffset, int bodyOffset, long size) {
}
