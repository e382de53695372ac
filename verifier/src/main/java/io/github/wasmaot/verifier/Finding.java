package io.github.wasmaot.verifier;

/**
 * One verifier finding.
 *
 * @param section     section the finding is about ("header", "target_info", "relocation", ...)
 * @param offset      absolute byte offset in the image, or -1 when not tied to a byte
 * @param message     explanation for people
 * @param runtimeText exact text the pinned runtime's loader reports for this defect, or null if it loads
 */
public record Finding(FindingCode code, Severity severity, String section, long offset, String message,
                      String runtimeText) {
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
