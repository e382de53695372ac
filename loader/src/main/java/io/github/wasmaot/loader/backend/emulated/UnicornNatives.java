package io.github.wasmaot.loader.backend.emulated;

import io.github.wasmaot.format.io.AtomicOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the Unicorn library comes from. The loader depends on {@code com.github.zhkl0228:unidbg-unicorn2} (a Maven
 * artifact, like LLVM's natives) only for the Unicorn 2.0.1 builds it carries for linux-x86_64, linux-aarch64,
 * macOS x86_64 and macOS arm64 ({@code natives/<platform>/libunicorn.so|.dylib}, exporting the plain {@code uc_*}
 * C API); none of its Java classes is used. Such a library is copied once into a cache directory named after its
 * SHA-256 and loaded from there, so a machine with only a JDK runs emulated images. The candidates:
 * <ol>
 *   <li>the system property {@value #PATH_PROPERTY} (or the environment variable {@value #PATH_ENV}): a file path to
 *       load, which then alone serves the emulator, or {@code system} to use only the system's library;</li>
 *   <li>the bundled build for this platform;</li>
 *   <li>the system's library ({@code libunicorn.so.2}, Debian package {@code libunicorn2}; {@code unicorn} elsewhere).
 *   </li>
 * </ol>
 * Of the bundled and the system's library, each architecture is emulated by the newer one that can (its
 * {@code uc_version}; the bundled one on a tie), since Unicorn 2.1 and later builds run guest stores much faster
 * than 2.0.1 (docs/performance.md, "Unicorn versions"). A library older than Unicorn 2 is not used.
 */
public final class UnicornNatives {
    /** System property naming the library to load, or {@code system}. */
    public static final String PATH_PROPERTY = "wasmaot.unicorn.library";
    /** Environment variable read when the system property is not set. */
    public static final String PATH_ENV = "WASM_AOT_UNICORN_LIBRARY";

    private UnicornNatives() {
    }

    /** One way to load the library: a path or a name for JNA, and what it is, for messages. */
    public record Candidate(String jnaName, String description) {
    }

    /** The candidates in the order they are tried. */
    public static List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        String configured = Optional.ofNullable(System.getProperty(PATH_PROPERTY))
                .orElse(System.getenv(PATH_ENV));
        if (configured != null && !configured.isBlank() && !configured.equals("system")) {
            out.add(new Candidate(configured, configured + " (from " + PATH_PROPERTY + ")"));
            return out;
        }
        if (configured == null || !configured.equals("system")) {
            bundledResource().ifPresent(resource -> {
                try {
                    Path file = extract(resource);
                    out.add(new Candidate(file.toString(), "bundled " + resource + " (" + file + ")"));
                } catch (IOException e) {
                    out.add(new Candidate(null, "bundled " + resource + " could not be copied out: "
                            + e.getMessage()));
                }
            });
        }
        out.add(new Candidate("unicorn", "system library unicorn"));
        out.add(new Candidate("libunicorn.so.2", "system library libunicorn.so.2 (Debian package libunicorn2)"));
        return out;
    }

    /** The class-path resource holding the bundled build for this OS and CPU, if there is one. */
    public static Optional<String> bundledResource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        String platform;
        String file;
        if (os.contains("linux")) {
            platform = x64 ? "linux_64" : arm64 ? "linux_arm64" : null;
            file = "libunicorn.so";
        } else if (os.contains("mac") || os.contains("darwin")) {
            platform = x64 ? "osx_64" : arm64 ? "osx_arm64" : null;
            file = "libunicorn.dylib";
        } else {
            platform = null;
            file = null;
        }
        if (platform == null) {
            return Optional.empty();
        }
        String resource = "natives/" + platform + "/" + file;
        return UnicornNatives.class.getClassLoader().getResource(resource) == null ? Optional.empty()
                : Optional.of(resource);
    }

    /**
     * Copies the resource to {@code <cache>/wasm-aot/unicorn/<sha256>/<name>} unless a complete copy is there
     * already (through {@link AtomicOutput}, so concurrent JVMs never load a half-written file).
     */
    static Path extract(String resource) throws IOException {
        return extract(resource, cacheRoots());
    }

    /** As {@link #extract(String)}, into the first of {@code roots} that can be written. */
    static Path extract(String resource, List<Path> roots) throws IOException {
        byte[] bytes;
        try (InputStream in = UnicornNatives.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " not found");
            }
            bytes = in.readAllBytes();
        }
        String sha = sha256(bytes);
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        IOException last = null;
        for (Path root : roots) {
            Path dir = root.resolve("wasm-aot").resolve("unicorn").resolve(sha);
            Path target = dir.resolve(name);
            try {
                if (Files.isRegularFile(target) && sha256(Files.readAllBytes(target)).equals(sha)) {
                    return target;
                }
                Files.createDirectories(dir);
                AtomicOutput.write(target, bytes);
                return target;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new IOException("no cache directory");
    }

    private static List<Path> cacheRoots() {
        List<Path> roots = new ArrayList<>();
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            roots.add(Path.of(xdg));
        }
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !home.equals("?")) {
            roots.add(Path.of(home, ".cache"));
        }
        roots.add(Path.of(System.getProperty("java.io.tmpdir"), "wasm-aot-" + System.getProperty("user.name", "")));
        return roots;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
