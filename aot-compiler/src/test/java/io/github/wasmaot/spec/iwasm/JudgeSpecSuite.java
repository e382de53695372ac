package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.spec.Executor;
import io.github.wasmaot.spec.SpecTestSuite;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The spec tests on a real iwasm configured by the environment ({@code WASM_AOT_IWASM_X86_64} /
 * {@code WASM_AOT_IWASM_AARCH64}, see {@link IwasmConfig}); skipped with the reason where none is configured,
 * as in CI. The cell: {@code -Dwasmaot.iwasm.isa=x86_64|aarch64} (default: the first configured) and the
 * profile {@code -Dwasmaot.iwasm.profile=...} (default: from {@code --version}, else the judge's folder name,
 * e.g. {@code wamr-cba4c782}). The summary goes to section {@code iwasm-KIND-PROFILE-ISA} of docs/compat.md
 * only with {@code -Dwasmaot.compat.write=true}. Subclasses say only what iwasm is given for each module.
 */
abstract class JudgeSpecSuite extends SpecTestSuite {

    static final String ISA_PROPERTY = "wasmaot.iwasm.isa";
    static final String PROFILE_PROPERTY = "wasmaot.iwasm.profile";

    private final String kind;
    private final Optional<String> problem;
    private final Optional<IwasmExecutor> executor;
    private final String profile;

    /**
     * @param kind      marker and log label: {@code interp}, {@code aot}
     * @param mode      what the preparer makes, for reports ({@code interpreter}, {@code aot}); the profile follows
     * @param preparers the preparer for a profile and ISA
     */
    JudgeSpecSuite(String kind, String mode, BiFunction<String, Isa, ModulePreparer> preparers) {
        this.kind = kind;
        Optional<IwasmConfig> config = configuredJudge();
        this.problem = config.isEmpty()
                ? Optional.of("no iwasm judge configured: set " + Isa.X86_64.environmentVariable() + " or "
                        + Isa.AARCH64.environmentVariable() + " (and -D" + ISA_PROPERTY + " to choose)")
                : config.get().problem();
        if (problem.isPresent()) {
            this.executor = Optional.empty();
            this.profile = "unknown";
        } else {
            IwasmConfig c = config.get();
            IwasmVersion version = IwasmVersion.probe(c);
            this.profile = profileOf(c, version);
            this.executor = Optional.of(new IwasmExecutor(c, version, preparers.apply(profile, c.isa()),
                    mode + " " + profile));
        }
    }

    private static Optional<IwasmConfig> configuredJudge() {
        String isa = System.getProperty(ISA_PROPERTY, "");
        if (!isa.isBlank()) {
            return IwasmConfig.fromEnvironment(Isa.fromId(isa.strip()), System.getenv());
        }
        return IwasmConfig.fromEnvironment(Isa.X86_64, System.getenv())
                .or(() -> IwasmConfig.fromEnvironment(Isa.AARCH64, System.getenv()));
    }

    private static String profileOf(IwasmConfig config, IwasmVersion version) {
        String p = System.getProperty(PROFILE_PROPERTY);
        if (p != null && !p.isBlank()) {
            return p.strip();
        }
        return version.profile().orElseGet(() -> {
            Path folder = config.iwasm().toAbsolutePath().getParent();
            Path judge = folder == null ? null : folder.getParent();
            String name = judge == null ? "" : judge.getFileName().toString();
            return name.startsWith("wamr-") ? name : "unknown";
        });
    }

    @BeforeAll
    void requireJudge() {
        problem.ifPresent(p -> System.out.println("[iwasm " + kind + "] " + getClass().getSimpleName() + " skipped: "
                + p));
        Assumptions.assumeTrue(problem.isEmpty(), () -> problem.orElse(""));
        System.out.println("[iwasm " + kind + "] judge: " + executor.get().name() + " at "
                + executor.get().config().iwasm());
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
        return executor.map(e -> "iwasm-" + kind + "-" + profile + "-" + e.config().isa().id())
                .orElse("iwasm-" + kind);
    }
}
