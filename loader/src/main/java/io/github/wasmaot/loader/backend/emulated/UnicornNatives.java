package io.github.wasmaot.loader.backend.emulated;

import io.github.wasmaot.format.io.AtomicOutput;
import java.io.ByteArrayInputStream;
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
import java.util.zip.GZIPInputStream;

/**
 * Where the Unicorn library comes from. Two builds come with the loader, each copied once into a cache directory
 * named after its SHA-256 and loaded from there, so a machine with only a JDK runs emulated images:
 * <ul>
 *   <li>for linux-x86_64 hosts, Unicorn 2.1.4 with this project's patch for fast guest stores
 *       ({@value #PATCHED_RESOURCE_DIR}{@code /linux-x86_64/libunicorn.so.2.gz}, made by {@code tools/unicorn/build
 *       --bundled}; aarch64 guests only; its {@code BUILD} file says from what, and with which toolchain), about
 *       six times faster than 2.0.1 on store-heavy code (docs/performance.md, "Unicorn versions");</li>
 *   <li>Unicorn 2.0.1 for linux-x86_64, linux-aarch64, macOS x86_64 and macOS arm64, from the Maven artifact
 *       {@code com.github.zhkl0228:unidbg-unicorn2} ({@code natives/<platform>/libunicorn.so|.dylib}, exporting the
 *       plain {@code uc_*} C API; none of its Java classes is used; ARM guests only).</li>
 * </ul>
 * The candidates:
 * <ol>
 *   <li>the system property {@value #PATH_PROPERTY} (or the environment variable {@value #PATH_ENV}): a file path to
 *       load, which then alone serves the emulator, or {@code system} to use only the system's library;</li>
 *   <li>the patched build for this platform, then the 2.0.1 build for this platform;</li>
 *   <li>the system's library ({@code libunicorn.so.2}, Debian package {@code libunicorn2}; {@code unicorn} elsewhere).
 *   </li>
 * </ol>
 * Of those that load, each architecture is emulated by the newest that can (its {@code uc_version}; the earlier
 * candidate on a tie), since Unicorn 2.1 and later builds run guest stores much faster than 2.0.1. The patched build
 * needs glibc 2.34 or later; where it does not load, the 2.0.1 build serves. A library older than Unicorn 2 is not
 * used.
 */
public final class UnicornNatives {
    /** System property naming the library to load, or {@code system}. */
    public static final String PATH_PROPERTY = "wasmaot.unicorn.library";
    /** Environment variable read when the system property is not set. */
    public static final String PATH_ENV = "WASM_AOT_UNICORN_LIBRARY";
    /** Class-path folder of the patched builds, one subfolder per host platform. */
    public static final String PATCHED_RESOURCE_DIR = "io/github/wasmaot/loader/unicorn";

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
            patchedResource().ifPresent(resource -> out.add(bundled(resource)));
            bundledResource().ifPresent(resource -> out.add(bundled(resource)));
        }
        out.add(new Candidate("unicorn", "system library unicorn"));
        out.add(new Candidate("libunicorn.so.2", "system library libunicorn.so.2 (Debian package libunicorn2)"));
        return out;
    }

    private static Candidate bundled(String resource) {
        try {
            Path file = extract(resource);
            return new Candidate(file.toString(), "bundled " + resource + " (" + file + ")");
        } catch (IOException e) {
            return new Candidate(null, "bundled " + resource + " could not be copied out: " + e.getMessage());
        }
    }

    /** The class-path resource holding the patched Unicorn 2.1.4 for this OS and CPU, if there is one. */
    public static Optional<String> patchedResource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.empty();
        }
        String resource = PATCHED_RESOURCE_DIR + "/linux-x86_64/libunicorn.so.2.gz";
        return UnicornNatives.class.getClassLoader().getResource(resource) == null ? Optional.empty()
                : Optional.of(resource);
    }

    /** The class-path resource holding the Unicorn 2.0.1 build for this OS and CPU, if there is one. */
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
     * already (through {@link AtomicOutput}, so concurrent JVMs never load a half-written file). A resource named
     * {@code *.gz} is unpacked first; the name and the SHA-256 are then those of the library.
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
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (name.endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new IOException("resource " + resource + " is not a whole gzip file: " + e.getMessage(), e);
            }
            name = name.substring(0, name.length() - ".gz".length());
        }
        String sha = sha256(bytes);
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
