package io.github.wasmaot.wasm.validate;

/**
 * Raised by the instruction rules with just the reason; the caller that knows the function and
 * instruction turns it into an {@link io.github.wasmaot.wasm.InvalidModuleException}.
 */
final class ValidationFailure extends RuntimeException {

    ValidationFailure(String reason) {
        super(reason, null, false, false);
    }
}
