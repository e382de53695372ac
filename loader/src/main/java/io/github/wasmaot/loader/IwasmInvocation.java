package io.github.wasmaot.loader;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An iwasm command line as the loader understands it: {@code [--heap-size=N] [-f NAME] FILE ARGS...}.
 *
 * @param function the export to call ({@code -f}); empty runs the WASI command ({@code _start})
 * @param argv0 what iwasm passes as argv[0] to a WASI command (the file name it was given)
 */
public record IwasmInvocation(Optional<String> function, OptionalLong heapSize, String argv0,
                              List<String> programArgs) {
    public IwasmInvocation {
        programArgs = List.copyOf(programArgs);
    }

    /**
     * Parses iwasm options.
     * @throws IllegalArgumentException for options the loader does not implement
     */
    public static IwasmInvocation parse(List<String> iwasmArgs, String file, List<String> programArgs) {
        Optional<String> function = Optional.empty();
        OptionalLong heap = OptionalLong.empty();
        for (int i = 0; i < iwasmArgs.size(); i++) {
            String a = iwasmArgs.get(i);
            if ((a.equals("-f") || a.equals("--function")) && i + 1 < iwasmArgs.size()) {
                function = Optional.of(iwasmArgs.get(++i));
            } else if (a.startsWith("--heap-size=")) {
                heap = OptionalLong.of(Long.parseLong(a.substring("--heap-size=".length())));
            } else {
                throw new IllegalArgumentException("iwasm option " + a + " is not implemented by the loader");
            }
        }
        return new IwasmInvocation(function, heap, file, programArgs);
    }
}
