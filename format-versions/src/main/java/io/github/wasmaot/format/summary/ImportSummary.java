package io.github.wasmaot.format.summary;

/** One import: kind ("func" or "global"), module, field, and its type (signature or value type). */
public record ImportSummary(String kind, String module, String name, String type) {
}
