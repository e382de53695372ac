package io.github.wasmaot.verifier.report;

import io.github.wasmaot.verifier.Severity;

/** One line of console output for a report, with the level to log it at. */
public record ReportLine(Severity level, String text) {
}
