package io.github.wasmaot.verifier;

import io.github.wasmaot.format.AotFormatException;
import java.util.ArrayList;
import java.util.List;

/** Collects findings while the checks run. */
final class FindingList {
    private final List<Finding> findings = new ArrayList<>();

    void error(FindingCode code, String section, long offset, String message, String runtimeText) {
        findings.add(new Finding(code, Severity.ERROR, section, offset, message, runtimeText));
    }

    void warning(FindingCode code, String section, long offset, String message) {
        findings.add(new Finding(code, Severity.WARNING, section, offset, message, null));
    }

    void info(FindingCode code, String section, long offset, String message) {
        findings.add(new Finding(code, Severity.INFO, section, offset, message, null));
    }

    /** A reader error as a finding: truncation if the runtime would say "unexpect end". */
    void fromReader(AotFormatException e, FindingCode otherwise) {
        String text = e.runtimeText().orElse(null);
        FindingCode code = "unexpect end".equals(text) ? FindingCode.TRUNCATED : otherwise;
        error(code, e.section(), e.offset(), e.reason(), text);
    }

    boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    List<Finding> list() {
        return findings;
    }
}
