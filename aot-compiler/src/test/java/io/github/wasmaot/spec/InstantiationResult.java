package io.github.wasmaot.spec;

/** The outcome of instantiating a module. */
public sealed interface InstantiationResult {

    record Instantiated() implements InstantiationResult {
    }

    /** Import resolution failed (unknown import or incompatible import type). */
    record Unlinkable(String message) implements InstantiationResult {
    }

    /** Linking succeeded but instantiation trapped (segment out of bounds, start function trap). */
    record Trapped(String message) implements InstantiationResult {
    }
}
