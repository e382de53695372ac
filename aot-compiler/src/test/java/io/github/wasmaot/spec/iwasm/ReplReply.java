package io.github.wasmaot.spec.iwasm;

import java.util.List;

/** What iwasm's REPL printed for one call line. */
sealed interface ReplReply {

    /** The result line, split into {@code VALUE:TAG} items (none for a function without results). */
    record Values(List<PrintedValue> values) implements ReplReply {
        public Values {
            values = List.copyOf(values);
        }
    }

    /** An {@code Exception: MESSAGE} line (a trap, or an error of the REPL itself). */
    record Failure(String message) implements ReplReply {
    }

    /** One printed result: {@code text} before the last colon, {@code tag} after it ({@code i32}, {@code ref.null}...). */
    record PrintedValue(String text, String tag) {
    }
}
