package io.github.wasmaot.verifier.report;

/**
 * Counts over a report.
 *
 * @param images   distinct image files
 * @param checks   image × runtime pairs verified
 * @param accepted checks the runtime would load
 * @param rejected checks the runtime would refuse
 * @param errors   ERROR findings over all checks
 * @param warnings WARNING findings over all checks
 */
public record VerifyTotals(int images, int checks, int accepted, int rejected, long errors, long warnings) {
}
