package io.github.wasmaot.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line operands into the files a command reads: a file stays itself, a directory
 * becomes every file under it whose name ends with the given suffix, in sorted order.
 */
final class InputFiles {
    private InputFiles() {
    }

    /** A file that could not be read; the message is the line the CLI prints: {@code FILE: cannot read: WHY}. */
    static final class UnreadableFileException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableFileException(Path file, IOException cause) {
            super(file + ": cannot read: " + describe(cause), cause);
        }
    }

    static byte[] read(Path file) throws UnreadableFileException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableFileException(file, e);
        }
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

    static List<Path> expand(List<Path> operands, String suffix) throws IOException {
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
}
