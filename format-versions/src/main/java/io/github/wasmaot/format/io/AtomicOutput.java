package io.github.wasmaot.format.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way wasm-aot writes an output file (images, stamps, bundles, bindings, reports): into a hidden
 * temporary sibling ({@code .NAME.RANDOM.tmp}) that is flushed to disk and renamed over the target, so a reader sees
 * the old bytes or the new ones, never half a file.
 *
 * <p>Rules: the target must not be one of the command's inputs (same file, also through links), a directory or
 * anything else that is not a regular file (a device such as {@code /dev/full} is refused, not replaced); those are
 * refused with {@link RefusedOutputException} before anything is written. A new target gets the permissions an
 * ordinary write would get under the user's umask (the temporary file is created without forcing owner-only
 * permissions); an existing target keeps its permissions. A symbolic link to a regular file stays a link: its target
 * file is replaced. Temporary files are deleted on error and, through one shutdown hook, when the JVM is stopped by
 * SIGINT or SIGTERM.
 */
public final class AtomicOutput implements AutoCloseable {

    /** Writes a target's content into the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile boolean hookInstalled;

    private final Path target;
    private final Path temp;
    private boolean committed;

    private AtomicOutput(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Writes {@code bytes} to {@code target}, atomically, refusing it if it is one of {@code inputs}. */
    public static void write(Path target, byte[] bytes, Path... inputs) throws IOException {
        write(target, out -> out.write(bytes), List.of(inputs));
    }

    /** Writes what {@code content} produces to {@code target}, atomically, refusing it if it is one of {@code inputs}. */
    public static void write(Path target, Content content, Collection<Path> inputs) throws IOException {
        try (AtomicOutput output = begin(target, inputs)) {
            try (OutputStream out = Files.newOutputStream(output.temp())) {
                content.writeTo(out);
            }
            output.commit();
        }
    }

    /**
     * Checks {@code target} and creates its temporary sibling (and missing parent directories). Write the content
     * to {@link #temp()}, then {@link #commit()}; {@link #close()} deletes the temporary file unless committed.
     */
    public static AtomicOutput begin(Path target, Collection<Path> inputs) throws IOException {
        Path resolved = check(target, inputs);
        Path dir = resolved.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        installHook();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + resolved.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".tmp");
            LIVE.add(temp);
            try {
                // no file attributes: the mode is 0666 minus the umask, as for any ordinary write
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return new AtomicOutput(resolved, temp);
            } catch (FileAlreadyExistsException e) {
                LIVE.remove(temp);
                if (attempt > 100) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                LIVE.remove(temp);
                throw e;
            }
        }
    }

    /**
     * Says why {@code target} must not be written, or returns the path to write (the file a symbolic link names).
     *
     * @throws RefusedOutputException if {@code target} is an input, a directory or not a regular file
     */
    public static Path check(Path target, Collection<Path> inputs) throws IOException {
        Path resolved = target;
        if (Files.isSymbolicLink(target) && Files.exists(target)) {
            resolved = target.toRealPath();
        }
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(resolved)) {
                throw new RefusedOutputException(target, "is a directory");
            }
            if (!Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
                throw new RefusedOutputException(target, "is not a regular file");
            }
            for (Path input : inputs) {
                if (isSame(resolved, input)) {
                    throw new RefusedOutputException(target, "is also an input (" + input + ")");
                }
            }
        }
        return resolved;
    }

    private static boolean isSame(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** The temporary file to write the content into. */
    public Path temp() {
        return temp;
    }

    /** The file that {@link #commit()} replaces. */
    public Path target() {
        return target;
    }

    /** Flushes the temporary file to disk, gives it the target's mode if the target exists, renames it over it. */
    public void commit() throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(temp, mode);
        } catch (NoSuchFileException | UnsupportedOperationException e) {
            // new target (keeps the umask's mode), or not a POSIX file system
        }
        check(target, List.of());
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        LIVE.remove(temp);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Deletes the temporary file unless {@link #commit()} moved it into place. */
    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the hook tries again at exit
                return;
            }
            LIVE.remove(temp);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // some platforms cannot open or sync a directory; the rename itself is done
        }
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (AtomicOutput.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::deleteLive, "wasm-aot-temp-cleanup"));
                hookInstalled = true;
            }
        }
    }

    private static void deleteLive() {
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // nothing more to do at exit
            }
        }
    }

    /** Temporary files not yet committed or deleted (for tests). */
    static Set<Path> live() {
        return Set.copyOf(LIVE);
    }

    /** An output refused before anything was written: it is an input, a directory or not a regular file. */
    public static final class RefusedOutputException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path target;

        RefusedOutputException(Path target, String why) {
            super("refusing to write " + target + ": it " + why);
            this.target = target;
        }

        public Path target() {
            return target;
        }
    }
}
