package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.spec.Executor;
import io.github.wasmaot.spec.SpecTestSuite;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The spec tests through the project's compiler on a real iwasm: every module is compiled by
 * {@link AotCompilingPreparer} for the judge's profile and ISA and run by the real runtime. This is how
 * docs/compat.md's "our images on the judges" spec numbers are made. Configured like
 * {@link RealIwasmSpecTest} (WASM_AOT_IWASM_X86_64 / WASM_AOT_IWASM_AARCH64, -Dwasmaot.iwasm.isa,
 * -Dwasmaot.iwasm.profile); skipped where no judge is configured, as in CI. Writes section
 * {@code iwasm-aot-PROFILE-ISA} of docs/compat.md only with -Dwasmaot.compat.write=true.
 */
class RealIwasmAotSpecTest extends SpecTestSuite {

    private final Optional<IwasmExecutor> executor = chooseExecutor();

    private static Optional<IwasmExecutor> chooseExecutor() {
        String isaProperty = System.getProperty(RealIwasmSpecTest.ISA_PROPERTY, "");
        Optional<IwasmConfig> config = isaProperty.isBlank()
                ? IwasmConfig.fromEnvironment(Isa.X86_64, System.getenv())
                        .or(() -> IwasmConfig.fromEnvironment(Isa.AARCH64, System.getenv()))
                : IwasmConfig.fromEnvironment(Isa.fromId(isaProperty.strip()), System.getenv());
        return config.map(c -> {
            String profile = RealIwasmSpecTest.profile(new IwasmExecutor(c, ModulePreparer.wasmFile(), "probe"));
            return new IwasmExecutor(c, new AotCompilingPreparer(profile, c.isa()), "aot " + profile);
        });
    }

    @BeforeAll
    void requireJudge() {
        Optional<String> problem = executor.isEmpty()
                ? Optional.of("no iwasm judge configured: set " + Isa.X86_64.environmentVariable() + " or "
                        + Isa.AARCH64.environmentVariable())
                : executor.get().config().problem();
        problem.ifPresent(p -> System.out.println("[iwasm-aot] RealIwasmAotSpecTest skipped: " + p));
        Assumptions.assumeTrue(problem.isEmpty(), () -> problem.orElse(""));
        System.out.println("[iwasm-aot] judge: " + executor.get().name() + " at " + executor.get().config().iwasm());
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
        return executor.map(e -> "iwasm-aot-" + RealIwasmSpecTest.profile(e) + "-" + e.config().isa().id())
                .orElse("iwasm-aot");
    }
}
