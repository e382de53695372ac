package io.github.wasmaot.verifier;

/** ERROR: the pinned runtime refuses the image. WARNING: it loads but something is off. INFO: a fact. */
public enum Severity {
    ERROR, WARNING, INFO
}
