package io.github.wasmaot.format.profile;

/** One section a profile knows: id, name, and whether the loader requires it. */
public record SectionRule(int id, String name, boolean required) {
}
