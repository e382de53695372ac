package io.github.wasmaot.verifier.report;

import io.github.wasmaot.verifier.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a batch verification: every image checked against every requested runtime profile.
 *
 * @param runtimes profile names checked against (aliases resolved, duplicates removed), in request order
 * @param target   ISA requested, or null when each image's own ISA was accepted
 * @param images   the image files verified, in order
 * @param checks   one entry per image × runtime, image-major
 */
public record VerifyReport(List<String> runtimes, String target, List<Path> images, List<ImageCheck> checks) {
    public VerifyReport {
        runtimes = List.copyOf(runtimes);
        images = List.copyOf(images);
        checks = List.copyOf(checks);
    }

    /** True when every pinned runtime would load every image (vacuously true for no images). */
    public boolean passed() {
        return checks.stream().allMatch(ImageCheck::accepted);
    }

    /** The checks whose runtime would refuse the image. */
    public List<ImageCheck> rejected() {
        return checks.stream().filter(c -> !c.accepted()).toList();
    }

    public VerifyTotals totals() {
        int accepted = (int) checks.stream().filter(ImageCheck::accepted).count();
        return new VerifyTotals(images.size(), checks.size(), accepted, checks.size() - accepted,
                count(Severity.ERROR), count(Severity.WARNING));
    }

    /** Console lines: each finding as {@code FILE: <severity> <code>: <message> (runtime would say: "...")}, then the verdict per check. */
    public List<ReportLine> lines() {
        return ReportText.lines(this);
    }

    /** One line: how many images and checks, how many accepted and rejected. */
    public String summary() {
        return ReportText.summary(this);
    }

    /** Lists each rejected image with its runtime and what that runtime would print; empty when passed. */
    public String failureMessage() {
        return ReportText.failure(this);
    }

    private long count(Severity severity) {
        Objects.requireNonNull(severity);
        return checks.stream().mapToLong(c -> c.count(severity)).sum();
    }
}
