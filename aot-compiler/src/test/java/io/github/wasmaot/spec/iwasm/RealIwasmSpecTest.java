package io.github.wasmaot.spec.iwasm;

/**
 * The spec tests on a real iwasm's interpreter: a sanity check of the harness and of
 * {@link IwasmExecutor} against the real engine (not AOT results). Configuration and reporting:
 * {@link JudgeSpecSuite}.
 */
class RealIwasmSpecTest extends JudgeSpecSuite {
    RealIwasmSpecTest() {
        super("interp", "interpreter", (profile, isa) -> ModulePreparer.wasmFile());
    }
}
