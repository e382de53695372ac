package io.github.wasmaot.spec;

import java.util.List;
import java.util.Optional;

/** One command of a wast2json spec-test file. {@link #kind()} is the JSON {@code type}. */
public sealed interface SpecCommand {

    int line();

    String kind();

    /** A command that names a module file. */
    sealed interface WithModule extends SpecCommand {
        String filename();
    }

    record Module(int line, String filename, Optional<String> name) implements WithModule {
        public String kind() {
            return "module";
        }
    }

    record Register(int line, String as, Optional<String> name) implements SpecCommand {
        public String kind() {
            return "register";
        }
    }

    record PerformAction(int line, Action action) implements SpecCommand {
        public String kind() {
            return "action";
        }
    }

    record AssertReturn(int line, Action action, List<ExpectedValue> expected) implements SpecCommand {
        public AssertReturn {
            expected = List.copyOf(expected);
        }

        public String kind() {
            return "assert_return";
        }
    }

    record AssertTrap(int line, Action action, String text) implements SpecCommand {
        public String kind() {
            return "assert_trap";
        }
    }

    record AssertExhaustion(int line, Action action, String text) implements SpecCommand {
        public String kind() {
            return "assert_exhaustion";
        }
    }

    /** {@code binary} is false for text-format ({@code .wat}) modules. */
    record AssertMalformed(int line, String filename, String text, boolean binary) implements WithModule {
        public String kind() {
            return "assert_malformed";
        }
    }

    record AssertInvalid(int line, String filename, String text, boolean binary) implements WithModule {
        public String kind() {
            return "assert_invalid";
        }
    }

    record AssertUnlinkable(int line, String filename, String text) implements WithModule {
        public String kind() {
            return "assert_unlinkable";
        }
    }

    record AssertUninstantiable(int line, String filename, String text) implements WithModule {
        public String kind() {
            return "assert_uninstantiable";
        }
    }
}
