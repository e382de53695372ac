package io.github.wasmaot.spec.iwasm;

/**
 * The spec tests through the project's compiler on a real iwasm: every module is compiled by
 * {@link AotCompilingPreparer} for the judge's profile and ISA and run by the real runtime. This is how
 * docs/compat.md's "spec tests through our compiler and the real iwasm" numbers are made. Configuration and
 * reporting: {@link JudgeSpecSuite}.
 */
class RealIwasmAotSpecTest extends JudgeSpecSuite {
    RealIwasmAotSpecTest() {
        super("aot", "aot", AotCompilingPreparer::new);
    }
}
