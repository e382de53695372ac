package io.github.wasmaot.cprograms;

/** What a program printed and how it ended. */
public record ProgramOutput(String stdout, String stderr, int exit) {
}
