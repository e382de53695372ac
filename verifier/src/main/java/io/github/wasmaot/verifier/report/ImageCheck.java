package io.github.wasmaot.verifier.report;

import io.github.wasmaot.verifier.Finding;
import io.github.wasmaot.verifier.Severity;
import io.github.wasmaot.verifier.VerificationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** One image checked against one runtime profile: the verifier's result for that pair. */
public record ImageCheck(Path file, VerificationResult result) {
    public ImageCheck {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(result, "result");
    }

    /** Name of the runtime profile checked against, e.g. {@code wamr-cba4c782}. */
    public String runtime() {
        return result.profile();
    }

    /** True when the pinned runtime would load the image. */
    public boolean accepted() {
        return result.accepted();
    }

    public List<Finding> findings() {
        return result.findings();
    }

    long count(Severity severity) {
        return result.findings().stream().filter(f -> f.severity() == severity).count();
    }
}
