package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.spec.Executor;
import io.github.wasmaot.spec.SpecTestSuite;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The spec tests on a real iwasm's interpreter: a sanity check of the harness and of
 * {@link IwasmExecutor} against the real engine (not AOT results). Runs only where a judge is
 * configured ({@code WASM_AOT_IWASM_X86_64} / {@code WASM_AOT_IWASM_AARCH64}, see
 * {@link IwasmConfig}); skipped otherwise, as in CI. The cell:
 * {@code -Dwasmaot.iwasm.isa=x86_64|aarch64} (default: the first configured) and the profile
 * label {@code -Dwasmaot.iwasm.profile=...} (default: from {@code --version}, else the judge's
 * folder name, e.g. {@code wamr-cba4c782}). The summary goes to section
 * {@code iwasm-interp-PROFILE-ISA} of docs/compat.md only with {@code -Dwasmaot.compat.write=true}.
 */
class RealIwasmSpecTest extends SpecTestSuite {

    static final String ISA_PROPERTY = "wasmaot.iwasm.isa";
    static final String PROFILE_PROPERTY = "wasmaot.iwasm.profile";

    private final Optional<IwasmExecutor> executor = chooseExecutor();

    private static Optional<IwasmExecutor> chooseExecutor() {
        String isa = System.getProperty(ISA_PROPERTY);
        if (isa != null && !isa.isBlank()) {
            return IwasmExecutor.interpreterFromEnvironment(Isa.fromId(isa.strip()));
        }
        return IwasmExecutor.interpreterFromEnvironment(Isa.X86_64)
                .or(() -> IwasmExecutor.interpreterFromEnvironment(Isa.AARCH64));
    }

    @BeforeAll
    void requireJudge() {
        Optional<String> problem = executor.isEmpty()
                ? Optional.of("no iwasm judge configured: set " + Isa.X86_64.environmentVariable() + " or "
                        + Isa.AARCH64.environmentVariable() + " (and -D" + ISA_PROPERTY + " to choose)")
                : executor.get().config().problem();
        if (problem.isPresent()) {
            System.out.println("[iwasm] RealIwasmSpecTest skipped: " + problem.get());
        }
        Assumptions.assumeTrue(problem.isEmpty(), () -> problem.orElse(""));
        System.out.println("[iwasm] judge: " + executor.get().name() + " at " + executor.get().config().iwasm());
    }

    @Override
    protected Optional<Executor> executor() {
        return executor.map(e -> e);
    }

    @Override
    protected boolean writesCompat() {
        return Boolean.getBoolean("wasmaot.compat.write");
    }

    @Override
    protected String summaryMarker() {
        return executor.map(e -> "iwasm-interp-" + profile(e) + "-" + e.config().isa().id()).orElse("iwasm-interp");
    }

    static String profile(IwasmExecutor e) {
        String p = System.getProperty(PROFILE_PROPERTY);
        if (p != null && !p.isBlank()) {
            return p.strip();
        }
        return e.version().profile().orElseGet(() -> {
            Path folder = e.config().iwasm().toAbsolutePath().getParent();
            Path judge = folder == null ? null : folder.getParent();
            String name = judge == null ? "" : judge.getFileName().toString();
            return name.startsWith("wamr-") ? name : "unknown";
        });
    }
}
