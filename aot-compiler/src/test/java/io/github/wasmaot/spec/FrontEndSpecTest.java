package io.github.wasmaot.spec;

import java.util.Optional;

/** The spec tests against the front end alone: decoding and validation; execution is skipped. */
class FrontEndSpecTest extends SpecTestSuite {

    @Override
    protected Optional<Executor> executor() {
        return Optional.empty();
    }
}
