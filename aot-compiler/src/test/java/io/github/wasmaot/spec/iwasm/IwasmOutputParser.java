package io.github.wasmaot.spec.iwasm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads iwasm's console output: the reply to one REPL line (the text between two prompts) and
 * the reason a REPL did not start. Runtime log lines ({@code [12:00:00:000 - 7F00]: warning: ...})
 * are ignored.
 */
final class IwasmOutputParser {

    static final String PROMPT = "webassembly> ";
    private static final String EXCEPTION = "Exception: ";
    private static final Pattern LOG_LINE = Pattern.compile("^\\[\\d{2}:\\d{2}:\\d{2}:\\d{3} - [0-9A-Fa-f]+\\]: .*");
    /** What a spec-test build's {@code spectest.print*} functions write (WAMR spells it "specttest"). */
    private static final String SPECTEST_PRINT = "in specttest.";

    private IwasmOutputParser() {
    }

    /** The meaningful lines of {@code output}: no carriage returns, blank, log or spectest print lines. */
    static List<String> lines(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.replace("\r", "").split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !LOG_LINE.matcher(t).matches() && !t.startsWith(SPECTEST_PRINT)) {
                lines.add(t);
            }
        }
        return lines;
    }

    /** Parses the reply to a call whose function has {@code resultCount} results. */
    static ReplReply reply(String output, int resultCount) {
        List<String> lines = lines(output);
        if (lines.size() == 1 && lines.get(0).startsWith(EXCEPTION)) {
            return new ReplReply.Failure(lines.get(0).substring(EXCEPTION.length()));
        }
        if (resultCount == 0 && lines.isEmpty()) {
            return new ReplReply.Values(List.of());
        }
        if (lines.size() != 1) {
            throw new IllegalStateException("unexpected iwasm output " + quote(output));
        }
        String[] items = lines.get(0).split(",");
        if (items.length != resultCount) {
            throw new IllegalStateException("expected " + resultCount + " result(s), iwasm printed " + quote(output));
        }
        List<ReplReply.PrintedValue> values = new ArrayList<>();
        for (String item : items) {
            int colon = item.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("unexpected result item " + quote(item) + " in " + quote(output));
            }
            values.add(new ReplReply.PrintedValue(item.substring(0, colon), item.substring(colon + 1)));
        }
        return new ReplReply.Values(values);
    }

    /**
     * Why the REPL did not start, from everything iwasm printed before exiting: the text after
     * {@code WASM module instantiate failed: } (and after a leading {@code Exception: }, as a trap in
     * the start function is reported), or null when the failure was something else (load error).
     */
    static String instantiationFailure(String output) {
        for (String line : lines(output)) {
            String marker = "instantiate failed: ";
            int at = line.indexOf(marker);
            if (at >= 0) {
                String message = line.substring(at + marker.length());
                return message.startsWith(EXCEPTION) ? message.substring(EXCEPTION.length()) : message;
            }
        }
        return null;
    }

    static String quote(String s) {
        String q = s.replace("\r", "\\r").replace("\n", "\\n");
        return "\"" + (q.length() > 300 ? q.substring(0, 300) + "..." : q) + "\"";
    }
}
