package io.github.wasmaot.loader.spec;

import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.spec.Executor;
import io.github.wasmaot.spec.SpecTestSuite;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;

/**
 * The spec tests through our compiler and loader in one cell (runtime profile, ISA, backend). A backend that
 * cannot run here skips the cell with the reason (on CI a missing emulator fails it, see {@link Backends}).
 * The summary goes to section {@code loader-PROFILE-ISA-BACKEND} of docs/compat.md only with
 * {@code -Dwasmaot.compat.write=true}; otherwise into a temporary copy whose path is printed.
 */
abstract class LoaderSpecSuite extends SpecTestSuite {
    private final LoaderExecutor executor;
    private final Isa isa;
    private final BackendKind backend;
    private final String profile;

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

    @Override
    protected String summaryMarker() {
        return "loader-" + profile + "-" + isa.label() + "-" + backend.name().toLowerCase(Locale.ROOT);
    }
}
