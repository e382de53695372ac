package io.github.wasmaot.cprograms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The directories a {@link WasiProgram} runs in: {@code root/sandbox} (the working directory, preopened as
 * {@code --dir=.}) with a few files, a sub-directory and symlinks (one inside, three leading out), next to
 * {@code root/outside/secret.txt}, which no program may reach.
 */
public final class WasiFixture {
    private WasiFixture() {
    }

    /** Creates the fixture under {@code root} (which must not exist yet or be empty); returns the sandbox. */
    public static Path create(Path root) throws IOException {
        Path sandbox = Files.createDirectories(root.resolve("sandbox"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(sandbox.resolve("data/sub"));
        Files.writeString(sandbox.resolve("in.txt"), "alpha\nbeta\ngamma\n");
        Files.writeString(sandbox.resolve("data/a.txt"), "A file\n");
        Files.writeString(sandbox.resolve("data/b.txt"), "B file, longer\n");
        Files.writeString(sandbox.resolve("data/sub/c.txt"), "c\n");
        Files.writeString(sandbox.resolve("existing.txt"), "existing\n");
        Files.createSymbolicLink(sandbox.resolve("link-in"), Path.of("in.txt"));
        Files.createSymbolicLink(sandbox.resolve("link-out"), Path.of("../outside/secret.txt"));
        Files.createSymbolicLink(sandbox.resolve("link-abs"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(sandbox.resolve("link-dir"), Path.of("../outside"));
        Files.writeString(outside.resolve("secret.txt"), "top secret\n");
        return sandbox;
    }

    /**
     * Everything under {@code root/sandbox} and {@code root/outside}, one line each in path order:
     * {@code d PATH}, {@code l PATH -> TARGET}, {@code f PATH "CONTENT"} (bytes outside printable ASCII as
     * {@code \xNN}, newline as {@code \n}).
     */
    public static String tree(Path root) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String top : List.of("outside", "sandbox")) {
            List<Path> paths;
            try (Stream<Path> s = Files.walk(root.resolve(top))) {
                paths = s.sorted().collect(Collectors.toList());
            }
            for (Path p : paths) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.append("l ").append(rel).append(" -> ").append(Files.readSymbolicLink(p)).append('\n');
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.append("d ").append(rel).append('\n');
                } else {
                    out.append("f ").append(rel).append(" \"").append(escape(Files.readAllBytes(p))).append("\"\n");
                }
            }
        }
        return out.toString();
    }

    private static String escape(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\n') {
                s.append("\\n");
            } else if (c == '"' || c == '\\') {
                s.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        return new String(s.toString().getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
    }
}
