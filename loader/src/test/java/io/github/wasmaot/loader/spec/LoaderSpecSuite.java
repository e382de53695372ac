package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.spec.Executor;
import io.github.wasmaot.spec.SpecTestSuite;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/**
 * The spec tests through our compiler and loader in one cell (runtime profile, ISA, backend). A backend that
 * cannot run here skips the cell with the reason (on CI a missing emulator fails it, see {@link Backends}).
 * The summary goes to section {@code loader-PROFILE-ISA-BACKEND} of docs/compat.md only with
 * {@code -Dwasmaot.compat.write=true}; otherwise into a temporary copy whose path is printed. Known failures
 * (each with its reason) are listed per cell in {@code expected-failures/}: they count as failed in the summary
 * but do not fail the build.
 */
abstract class LoaderSpecSuite extends SpecTestSuite {
    private final LoaderExecutor executor;
    private final Isa isa;
    private final BackendKind backend;
    private final String profile;
    private Set<String> expectedFailures;

    LoaderSpecSuite(String profile, Isa isa, BackendKind backend) {
        this.profile = profile;
        this.isa = isa;
        this.backend = backend;
        this.executor = new LoaderExecutor(profile, isa, backend);
    }

    @BeforeAll
    void requireBackend() {
        Backends.assumeAvailable(backend, isa);
    }

    @Override
    protected Optional<Executor> executor() {
        return Optional.of(executor);
    }

    @Override
    protected boolean writesCompat() {
        return Boolean.getBoolean("wasmaot.compat.write");
    }

    /** The cell's list in {@code expected-failures/<marker>.txt}: {@code NAME:LINE  # reason} per line. */
    @Override
    protected synchronized Set<String> expectedFailures() {
        if (expectedFailures == null) {
            expectedFailures = readExpectedFailures();
        }
        return expectedFailures;
    }

    private Set<String> readExpectedFailures() {
        String resource = "expected-failures/" + summaryMarker() + ".txt";
        try (InputStream in = LoaderSpecSuite.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Set.of();
            }
            Set<String> ids = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String id = line.replaceFirst("#.*", "").strip();
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    protected String summaryMarker() {
        return "loader-" + profile + "-" + isa.label() + "-" + backend.name().toLowerCase(Locale.ROOT);
    }
}
