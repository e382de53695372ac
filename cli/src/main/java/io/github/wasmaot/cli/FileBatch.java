package io.github.wasmaot.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The loop every file-checking command shares: expand the operands (a directory becomes every file under it
 * with the command's suffix, sorted), read each file, hand it to the command's check, go on past unreadable
 * files, and turn the outcome into the exit code: 0 all passed, 1 some did not, 2 usage or I/O error.
 */
final class FileBatch {

    /** One command's check of one file; prints its own lines and says whether the file passed. */
    @FunctionalInterface
    interface Check {
        boolean passes(Path file, byte[] bytes) throws IOException;
    }

    private FileBatch() {
    }

    static int run(CommandSpec spec, List<Path> operands, String suffix, Check check) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String command = "wasm-aot " + spec.name();
        try {
            List<Path> files = expand(operands, suffix);
            if (files.isEmpty()) {
                err.println(command + ": no " + suffix + " files in " + operands);
                return WasmAotCli.EXIT_USAGE;
            }
            boolean allPassed = true;
            boolean unreadable = false;
            for (Path file : files) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    err.println(file + ": cannot read: " + describe(e));
                    unreadable = true;
                    continue;
                }
                allPassed &= check.passes(file, bytes);
            }
            return unreadable ? WasmAotCli.EXIT_USAGE : allPassed ? 0 : 1;
        } catch (IOException e) {
            err.println(command + ": " + describe(e));
            return WasmAotCli.EXIT_USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static List<Path> expand(List<Path> operands, String suffix) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : operands) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().endsWith(suffix))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
