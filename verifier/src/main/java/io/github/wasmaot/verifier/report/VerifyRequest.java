package io.github.wasmaot.verifier.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to verify: AOT images against pinned runtime profiles, optionally for one target ISA.
 *
 * @param inputs        image files and directories; a directory stands for every {@code *.aot} file under it,
 *                      in sorted order; a file is verified whatever its name
 * @param runtimes      runtime profile names or aliases ({@code legacy}, {@code current}, {@code wamr-2.3}, ...);
 *                      every image is checked against each of them
 * @param target        ISA the runtime is built for ({@code x86_64}, {@code aarch64}, ...), or null to accept
 *                      each image's own ISA
 * @param requireImages when true, finding no image at all is an error rather than an empty report
 */
public record VerifyRequest(List<Path> inputs, List<String> runtimes, String target, boolean requireImages) {
    public VerifyRequest {
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        runtimes = List.copyOf(Objects.requireNonNull(runtimes, "runtimes"));
        if (runtimes.isEmpty()) {
            throw new IllegalArgumentException("at least one runtime profile is required");
        }
        target = target == null || target.isBlank() ? null : target.trim();
    }

    /** A request that fails when the inputs hold no image. */
    public static VerifyRequest of(List<Path> inputs, List<String> runtimes, String target) {
        return new VerifyRequest(inputs, runtimes, target, true);
    }
}
