package io.github.wasmaot.verifier.report;

import io.github.wasmaot.verifier.Finding;
import java.util.Locale;

/** {@code verify-report.html}: one self-contained page (inline CSS, no scripts), every text escaped. */
final class ReportHtml {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;width:100%;margin-bottom:2em}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f0f0f0}
            td.num{text-align:right;font-family:monospace}
            code,td.code{font-family:monospace}
            .ERROR,.rejected{color:#b00020;font-weight:bold}
            .WARNING{color:#a05a00}
            .INFO{color:#555}
            .accepted{color:#1b7a1b;font-weight:bold}
            """;

    private ReportHtml() {
    }

    static String render(VerifyReport report) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>wasm-aot verify report</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<h1>wasm-aot verify report: <span class=\"")
                .append(report.passed() ? "accepted\">PASSED" : "rejected\">FAILED").append("</span></h1>\n")
                .append("<p>").append(esc(report.summary())).append("</p>\n")
                .append("<table>\n<tr><th>Image</th><th>Runtime</th><th>Target</th><th>Verdict</th>")
                .append("<th>Runtime would say</th></tr>\n");
        for (ImageCheck c : report.checks()) {
            h.append("<tr><td class=\"code\">").append(esc(c.file().toString())).append("</td><td>")
                    .append(esc(c.runtime())).append("</td><td>").append(esc(c.result().target())).append("</td>")
                    .append(verdict(c)).append("<td class=\"code\">")
                    .append(esc(c.result().runtimeText().orElse(""))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (ImageCheck c : report.checks()) {
            findings(h, c);
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void findings(StringBuilder h, ImageCheck c) {
        h.append("<h2><code>").append(esc(c.file().toString())).append("</code> on ").append(esc(c.runtime()))
                .append("</h2>\n<table>\n<tr><th>Severity</th><th>Code</th><th>Section</th><th>Offset</th>")
                .append("<th>Message</th><th>Runtime text</th></tr>\n");
        for (Finding f : c.findings()) {
            String sev = f.severity().name();
            h.append("<tr><td class=\"").append(sev).append("\">").append(sev.toLowerCase(Locale.ROOT))
                    .append("</td><td class=\"code\">").append(esc(f.code().name())).append("</td><td>")
                    .append(esc(f.section())).append("</td><td class=\"num\">")
                    .append(f.offset() < 0 ? "" : Long.toString(f.offset())).append("</td><td>")
                    .append(esc(f.message())).append("</td><td class=\"code\">").append(esc(f.runtimeText()))
                    .append("</td></tr>\n");
        }
        if (c.findings().isEmpty()) {
            h.append("<tr><td colspan=\"6\">no findings</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String verdict(ImageCheck c) {
        return c.accepted() ? "<td class=\"accepted\">accepted</td>" : "<td class=\"rejected\">rejected</td>";
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
