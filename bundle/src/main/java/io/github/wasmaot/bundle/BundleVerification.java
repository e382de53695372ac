package io.github.wasmaot.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link BundleVerifier} found in one bundle archive.
 *
 * @param archive  the archive
 * @param verified one line per image that matched its manifest entry and passed the verifier for its profile
 *                 and ISA ({@code aot/wamr-2.4/x86_64/hello.aot: wamr-2.4 x86_64, sha256 ...})
 * @param findings every difference, each {@code <entry>: <cause>}; empty when the bundle is sound
 */
public record BundleVerification(Path archive, List<String> verified, List<String> findings) {
    public BundleVerification {
        verified = List.copyOf(verified);
        findings = List.copyOf(findings);
    }

    /** True when nothing differs. */
    public boolean passed() {
        return findings.isEmpty();
    }

    /** Report lines: {@code OK}/{@code FAIL} per image and finding, then a summary. */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        verified.forEach(v -> out.add("OK   " + archive + ": " + v));
        findings.forEach(f -> out.add("FAIL " + archive + ": " + f));
        out.add(archive + ": " + (passed() ? "bundle verified, " + verified.size() + " image(s)"
                : findings.size() + " finding(s), " + verified.size() + " image(s) verified"));
        return out;
    }
}
