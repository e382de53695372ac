package io.github.wasmaot.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of {@code wasm-aot run}, and a parser for the plain command lines a script or a test suite sends it.
 *
 * <p>Start-up (issue #15): building picocli's model of {@link RunCommand} (annotation proxies, reflection, its help
 * machinery) is about a sixth of a short {@code run}'s wall time. {@link #parsePlain} reads a command line made only
 * of {@code run}'s long options (spelled in full, {@code --name VALUE} or {@code --name=VALUE}), the end-of-options
 * word {@code --} and words that do not start with {@code -} or {@code @}, each single-valued option at most once,
 * and gives exactly what picocli's parse of that line gives ({@code RunArgsTest} compares the two); anything else —
 * help, version, a short or unknown option, a negative number, an {@code @file}, a repeated or empty value, a heap
 * size that is not a plain decimal — returns empty and goes through picocli, which owns every usage message.
 *
 * @param words the positional words: {@code [ARGS…] FILE.aot} with {@code --invoke}, else {@code FILE.aot [ARGS…]}
 */
record RunArgs(boolean emulate, boolean nativ, String invoke, String runtime, Long heapSize, String timeout,
               List<String> dirs, List<String> mapDirs, boolean verbose, List<String> env, List<String> words) {

    RunArgs {
        dirs = List.copyOf(dirs);
        mapDirs = List.copyOf(mapDirs);
        env = List.copyOf(env);
        words = List.copyOf(words);
    }

    /** A heap size both picocli's converter and this parser read the same way: decimal, no sign, no leading 0. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("0|[1-9][0-9]{0,17}");

    /** {@code args[from..]} (what follows the word {@code run}) when plain as the class doc says, else empty. */
    static Optional<RunArgs> parsePlain(String[] args, int from) {
        boolean emulate = false;
        boolean nativ = false;
        boolean verbose = false;
        String invoke = null;
        String runtime = null;
        String heap = null;
        String timeout = null;
        List<String> dirs = new ArrayList<>();
        List<String> mapDirs = new ArrayList<>();
        List<String> env = new ArrayList<>();
        List<String> words = new ArrayList<>();
        boolean endOfOptions = false;
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (endOfOptions) {
                if (!plainWord(a)) {
                    return Optional.empty();
                }
                words.add(a);
                continue;
            }
            if (a.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (plainWord(a)) {
                words.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            switch (name) {
                case "--emulate", "--native", "--verbose" -> {
                    if (eq >= 0) {
                        return Optional.empty();
                    }
                    boolean seen = name.equals("--emulate") ? emulate : name.equals("--native") ? nativ : verbose;
                    if (seen) {
                        return Optional.empty();
                    }
                    emulate |= name.equals("--emulate");
                    nativ |= name.equals("--native");
                    verbose |= name.equals("--verbose");
                    continue;
                }
                case "--invoke", "--runtime", "--heap-size", "--timeout", "--dir", "--map-dir", "--env" -> {
                }
                default -> {
                    return Optional.empty();
                }
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (!plainWord(value)) {
                return Optional.empty();
            }
            switch (name) {
                case "--dir" -> dirs.add(value);
                case "--map-dir" -> mapDirs.add(value);
                case "--env" -> env.add(value);
                default -> {
                    String before = switch (name) {
                        case "--invoke" -> invoke;
                        case "--runtime" -> runtime;
                        case "--heap-size" -> heap;
                        default -> timeout;
                    };
                    if (before != null) {
                        return Optional.empty();
                    }
                    switch (name) {
                        case "--invoke" -> invoke = value;
                        case "--runtime" -> runtime = value;
                        case "--heap-size" -> heap = value;
                        default -> timeout = value;
                    }
                }
            }
        }
        if (words.isEmpty() || heap != null && !PLAIN_DECIMAL.matcher(heap).matches()) {
            return Optional.empty();
        }
        return Optional.of(new RunArgs(emulate, nativ, invoke, runtime, heap == null ? null : Long.valueOf(heap),
                timeout, dirs, mapDirs, verbose, env, words));
    }

    /** Not empty, and no option, number with a sign or {@code @file} to picocli. */
    private static boolean plainWord(String w) {
        return !w.isEmpty() && w.charAt(0) != '-' && w.charAt(0) != '@';
    }
}
