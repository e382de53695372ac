package io.github.wasmaot.verifier.report;

import io.github.wasmaot.format.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a report as {@code verify-report.json} and {@code verify-report.html} into a directory. Each file is
 * replaced atomically, so a reader (a CI artifact collector, a parallel build) never sees half a report.
 */
public final class VerifyReportWriter {
    public static final String JSON_FILE = "verify-report.json";
    public static final String HTML_FILE = "verify-report.html";

    private VerifyReportWriter() {
    }

    /** Writes both files, creating the directory if needed. */
    public static ReportFiles write(VerifyReport report, Path directory) throws IOException {
        Path json = directory.resolve(JSON_FILE);
        Path html = directory.resolve(HTML_FILE);
        AtomicOutput.write(json, ReportJson.render(report));
        AtomicOutput.write(html, ReportHtml.render(report).getBytes(StandardCharsets.UTF_8));
        return new ReportFiles(json, html);
    }
}
