package io.github.wasmaot.verifier.report;

import io.github.wasmaot.verifier.Finding;
import io.github.wasmaot.verifier.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plain-text forms of a report: console lines, summary, failure message. */
final class ReportText {
    private ReportText() {
    }

    static List<ReportLine> lines(VerifyReport report) {
        List<ReportLine> out = new ArrayList<>();
        for (ImageCheck check : report.checks()) {
            for (Finding f : check.findings()) {
                out.add(new ReportLine(f.severity(), finding(check, f)));
            }
            out.add(check.accepted()
                    ? new ReportLine(Severity.INFO, check.file() + ": accepted by " + on(check))
                    : new ReportLine(Severity.ERROR, check.file() + ": REJECTED by " + on(check)));
        }
        return out;
    }

    /** {@code FILE: <severity> <code>: <message> [<section> at offset N] (runtime would say: "...")}. */
    static String finding(ImageCheck check, Finding f) {
        String where = f.offset() >= 0 ? " [" + f.section() + " at offset " + f.offset() + "]"
                : " [" + f.section() + "]";
        String says = f.runtimeText() == null ? "" : " (runtime would say: \"" + f.runtimeText() + "\")";
        return check.file() + ": " + f.severity().name().toLowerCase(Locale.ROOT) + " " + f.code().name() + ": "
                + f.message() + where + says;
    }

    static String summary(VerifyReport report) {
        VerifyTotals t = report.totals();
        return "wasm-aot verify: " + t.images() + " image(s) x " + report.runtimes().size() + " runtime(s) "
                + report.runtimes() + ", target " + target(report.target()) + ": " + t.accepted() + " accepted, "
                + t.rejected() + " rejected (" + t.errors() + " error(s), " + t.warnings() + " warning(s))";
    }

    static String failure(VerifyReport report) {
        List<ImageCheck> rejected = report.rejected();
        if (rejected.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(rejected.size()).append(" of ").append(report.checks().size())
                .append(" AOT image check(s) rejected:");
        for (ImageCheck check : rejected) {
            sb.append(System.lineSeparator()).append("  ").append(check.file()).append(" on ").append(on(check))
                    .append(": ").append(errors(check));
        }
        return sb.toString();
    }

    private static String errors(ImageCheck check) {
        return check.result().errors().stream()
                .map(f -> f.code().name() + " " + (f.runtimeText() == null
                        ? "(" + f.message() + ")"
                        : "(runtime would say: \"" + f.runtimeText() + "\")"))
                .collect(Collectors.joining("; "));
    }

    private static String on(ImageCheck check) {
        return check.runtime() + " (target " + check.result().target() + ")";
    }

    private static String target(String target) {
        return target == null ? "(each image's own ISA)" : target;
    }
}
