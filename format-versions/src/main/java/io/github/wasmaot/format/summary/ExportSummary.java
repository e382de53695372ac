package io.github.wasmaot.format.summary;

public record ExportSummary(String name, String kind, long index) {
}
