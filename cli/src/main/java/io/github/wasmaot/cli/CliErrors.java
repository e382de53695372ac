package io.github.wasmaot.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command line reports what went wrong: always one line {@code wasm-aot <command>: <message>} on stderr
 * and exit code 2 (usage or I/O), never a Java stack trace. Unknown options and commands are named, with the
 * closest known spelling when one is close ({@code --runtme} → {@code did you mean --runtime?}).
 */
final class CliErrors {
    private CliErrors() {
    }

    /** Picocli's handler for command lines that do not parse. */
    static int parameterError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String prefix = prefix(cl.getCommandSpec());
        // a mistyped required option is first of all unknown, not missing
        Optional<String> unknown = unknownOptionIn(cl.getUnmatchedArguments());
        if (!(ex instanceof UnmatchedArgumentException) && unknown.isPresent()) {
            err.println(unknownOption(cl.getCommandSpec(), unknown.get()));
        } else if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().stream().filter(CliErrors::looksLikeOption).findFirst()
                    .orElse(u.getUnmatched().get(0));
            if (looksLikeOption(word)) {
                err.println(unknownOption(cl.getCommandSpec(), word));
            } else if (cl.getCommandSpec().parent() == null && !cl.getSubcommands().isEmpty()) {
                err.println(prefix + ": unknown command '" + word + "'"
                        + suggestion(word, cl.getSubcommands().keySet()).map(s -> " (did you mean " + s + "?)")
                                .orElse(" (commands: " + String.join(", ", cl.getSubcommands().keySet()) + ")"));
            } else {
                err.println(prefix + ": unexpected argument '" + word + "' (see '" + prefix + " --help')");
            }
        } else {
            err.println(prefix + ": " + ex.getMessage() + " (see '" + prefix + " --help')");
        }
        err.flush();
        return WasmAotCli.EXIT_USAGE;
    }

    /** Picocli's handler for exceptions no command caught: one line, exit code 2. */
    static int executionError(Exception ex, CommandLine cl, ParseResult parseResult) {
        return unexpected(cl.getErr(), prefix(cl.getCommandSpec()), ex);
    }

    /**
     * A failure nothing else handled, as one line on {@code err} ({@code PREFIX: unexpected error: …}), and the exit
     * code for it (2): picocli's handler and the two paths that run outside it share this.
     */
    static int unexpected(PrintWriter err, String prefix, Throwable t) {
        err.println(prefix + ": " + describe(t));
        err.flush();
        return WasmAotCli.EXIT_USAGE;
    }

    /** An unexpected failure as one line: the exception's kind and message. */
    static String describe(Throwable t) {
        String kind = t.getClass().getSimpleName();
        return "unexpected error: " + (t.getMessage() == null ? kind : kind + ": " + t.getMessage().strip()
                .replace('\n', ' '));
    }

    /** An I/O failure as words: {@code no such file or directory: /x/y}, {@code permission denied: /x}. */
    static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : ": " + f.getFile());
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** {@code wasm-aot run: unknown option --runtme (did you mean --runtime?)}. */
    static String unknownOption(CommandSpec spec, String word) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        return prefix(spec) + ": unknown option " + name + suggestion(name, spec.optionsMap().keySet())
                .map(s -> " (did you mean " + s + "?)").orElse(" (see '" + prefix(spec) + " --help')");
    }

    /** The first of {@code words} that is an option the parser did not know, if any. */
    static Optional<String> unknownOptionIn(List<String> words) {
        return words.stream().filter(CliErrors::looksLikeOption).findFirst();
    }

    /** Starts with a dash but is no number ({@code -1}, {@code -0.5}, {@code -0x10}, {@code -inf}, {@code -nan}). */
    static boolean looksLikeOption(String word) {
        if (word.length() < 2 || word.charAt(0) != '-') {
            return false;
        }
        char c = word.charAt(1);
        String rest = word.substring(1).toLowerCase(Locale.ROOT);
        return !(Character.isDigit(c) || c == '.' || rest.startsWith("inf") || rest.startsWith("nan"));
    }

    /** The known spelling closest to {@code typed}, if it is close enough to be what was meant. */
    static Optional<String> suggestion(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(typed, k);
            if (typed.length() >= 4 && k.startsWith(typed)) {
                d = Math.min(d, 1);
            }
            if (d < bestDistance || d == bestDistance && best != null && k.length() > best.length()) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.min(3, best.length() / 4));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Damerau–Levenshtein distance (optimal string alignment): edits, with swapped neighbours as one. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String prefix(CommandSpec spec) {
        return spec.qualifiedName();
    }
}
