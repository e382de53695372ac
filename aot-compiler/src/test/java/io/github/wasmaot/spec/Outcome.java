package io.github.wasmaot.spec;

/**
 * The result of running one command. For commands that expect a module to be rejected,
 * {@code messageAgrees} tells whether our message starts with the reference interpreter's
 * (null when not applicable); {@code expectedMessage} is the reference message then, and
 * {@code detail} our message.
 */
public record Outcome(Status status, String detail, Boolean messageAgrees, String expectedMessage) {

    public enum Status { PASSED, FAILED, SKIPPED }

    static Outcome passed() {
        return new Outcome(Status.PASSED, "", null, null);
    }

    static Outcome rejected(String expected, String actual) {
        return new Outcome(Status.PASSED, actual, actual.startsWith(expected), expected);
    }

    static Outcome failed(String why) {
        return new Outcome(Status.FAILED, why, null, null);
    }

    static Outcome skipped(String reason) {
        return new Outcome(Status.SKIPPED, reason, null, null);
    }
}
