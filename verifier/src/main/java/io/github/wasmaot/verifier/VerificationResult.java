package io.github.wasmaot.verifier;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** All findings for one image checked against one profile and target. */
public record VerificationResult(String fileName, String profile, String target, List<Finding> findings) {
    public VerificationResult {
        findings = List.copyOf(findings);
    }

    /** True when no finding is an ERROR: the pinned runtime would load the image. */
    public boolean accepted() {
        return findings.stream().noneMatch(Finding::isError);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).collect(Collectors.toList());
    }

    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    public Optional<Finding> first(FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).findFirst();
    }

    /** The runtime text of the first error, i.e. what the runtime would print when refusing the image. */
    public Optional<String> runtimeText() {
        return findings.stream().filter(Finding::isError).map(Finding::runtimeText).filter(t -> t != null)
                .findFirst();
    }
}
