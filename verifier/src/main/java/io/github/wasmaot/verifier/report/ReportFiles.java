package io.github.wasmaot.verifier.report;

import java.nio.file.Path;

/** Where {@link VerifyReportWriter} put a report. */
public record ReportFiles(Path json, Path html) {
}
