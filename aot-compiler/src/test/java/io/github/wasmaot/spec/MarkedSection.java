package io.github.wasmaot.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces the text between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->} in a
 * Markdown file, leaving the rest untouched; creates the file (with a heading) or appends the
 * markers when missing. Writes through a temporary file and an atomic move.
 */
public record MarkedSection(Path file, String marker) {

    public String begin() {
        return "<!-- " + marker + ":begin -->";
    }

    public String end() {
        return "<!-- " + marker + ":end -->";
    }

    /** The new content of the whole file when the marked section becomes {@code body}. */
    public String apply(String existing, String body) {
        String block = begin() + "\n" + body + (body.endsWith("\n") ? "" : "\n") + end();
        int b = existing.indexOf(begin());
        int e = existing.indexOf(end());
        if (b >= 0 && e > b) {
            return existing.substring(0, b) + block + existing.substring(e + end().length());
        }
        String prefix = existing.isEmpty() || existing.endsWith("\n") ? existing : existing + "\n";
        return prefix + (prefix.isEmpty() ? "" : "\n") + block + "\n";
    }

    public void write(String body, String headingIfNew) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : headingIfNew;
        String updated = apply(existing, body);
        if (updated.equals(existing)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, updated, StandardCharsets.UTF_8);
            readableByAll(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are created owner-only; the document is for everyone who reads the repository. */
    private static void readableByAll(Path tmp) throws IOException {
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
