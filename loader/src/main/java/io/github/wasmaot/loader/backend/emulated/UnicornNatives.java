package io.github.wasmaot.loader.backend.emulated;

import io.github.wasmaot.format.io.AtomicOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *   <li>the patched build for this platform or, where there is none or it does not load, the 2.0.1 build;</li>
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
    /** Largest library a packed resource may unpack to (the patched build is 2.5 MB). */
    static final int MAX_LIBRARY_BYTES = 64 << 20;

    private UnicornNatives() {
    }

    /**
     * One way to load the library: a path or a name for JNA, and what it is, for messages; {@code fallback}, if not
     * null, gives the candidate to try in its place when this one does not load (the 2.0.1 build behind the patched
     * one: older, emulating the same architectures, so not worth copying out and loading while the patched loads).
     */
    public record Candidate(String jnaName, String description, Supplier<Candidate> fallback) {
        public Candidate(String jnaName, String description) {
            this(jnaName, description, null);
        }
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
            Optional<String> older = bundledResource();
            Optional<String> patched = patchedResource();
            if (patched.isPresent()) {
                Candidate first = bundled(patched.get());
                out.add(older.isEmpty() ? first : new Candidate(first.jnaName(), first.description(),
                        () -> bundled(older.get())));
            } else {
                older.ifPresent(resource -> out.add(bundled(resource)));
            }
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
        return "linux_64".equals(hostPlatform())
                ? onClassPath(PATCHED_RESOURCE_DIR + "/linux-x86_64/libunicorn.so.2.gz") : Optional.empty();
    }

    /** The class-path resource holding the Unicorn 2.0.1 build for this OS and CPU, if there is one. */
    public static Optional<String> bundledResource() {
        String platform = hostPlatform();
        if (platform == null) {
            return Optional.empty();
        }
        return onClassPath("natives/" + platform + "/"
                + (platform.startsWith("osx") ? "libunicorn.dylib" : "libunicorn.so"));
    }

    /** This host as unidbg-unicorn2 names its platforms ({@code linux_64}, {@code osx_arm64} …), or null. */
    static String hostPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : null;
        String system = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx" : null;
        return cpu == null || system == null ? null : system + "_" + cpu;
    }

    private static Optional<String> onClassPath(String resource) {
        return UnicornNatives.class.getClassLoader().getResource(resource) == null ? Optional.empty()
                : Optional.of(resource);
    }

    /**
     * Copies the resource to {@code <cache>/wasm-aot/unicorn/<sha256>/<name>} unless a complete copy is there
     * already (through {@link AtomicOutput}, so concurrent JVMs never load a half-written file). A resource named
     * {@code *.gz} is unpacked first; the name and the SHA-256 are then those of the library, and the SHA-256 is the
     * one the {@code BUILD} file beside it records, when there is one. A copy counts as complete when its bytes equal
     * the library's: the SHA-256 is computed only to name a new copy (hashing both on every start cost a short run
     * about 0.25 s under the launcher's C1-only JIT).
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
            bytes = gunzip(resource, bytes);
            name = name.substring(0, name.length() - ".gz".length());
        }
        Optional<String> recorded = recordedSha256(resource, name);
        String sha = recorded.isPresent() ? recorded.get() : sha256(bytes);
        boolean checked = recorded.isEmpty();
        IOException last = null;
        for (Path root : roots) {
            Path dir = root.resolve("wasm-aot").resolve("unicorn").resolve(sha);
            Path target = dir.resolve(name);
            try {
                if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                        && Arrays.equals(Files.readAllBytes(target), bytes)) {
                    return target;
                }
            } catch (IOException e) {
                // unreadable: written over below
            }
            if (!checked) {
                if (!sha256(bytes).equals(sha)) {
                    throw new IOException("resource " + resource + " is not the library its BUILD file records"
                            + " (sha256 " + sha + ")");
                }
                checked = true;
            }
            try {
                Files.createDirectories(dir);
                AtomicOutput.write(target, bytes);
                return target;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new IOException("no cache directory");
    }

    /**
     * The bytes a whole gzip file unpacks to, read into an array of the size its trailer gives; a file cut short, or
     * one that unpacks to another size, is refused.
     */
    private static byte[] gunzip(String resource, byte[] packed) throws IOException {
        try {
            if (packed.length < 18) {
                throw new java.io.EOFException("shorter than a gzip header and trailer");
            }
            // a damaged file's trailer may give any size: nothing bigger than a library is allocated
            int size = ByteBuffer.wrap(packed, packed.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (size < 0 || size > MAX_LIBRARY_BYTES) {
                throw new IOException("its trailer gives " + Integer.toUnsignedString(size)
                        + " bytes, more than a library (" + MAX_LIBRARY_BYTES + ")");
            }
            byte[] out = new byte[size];
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed), 1 << 16)) {
                if (in.readNBytes(out, 0, size) != size || in.read() != -1) {
                    throw new IOException("its size is not the one its trailer gives");
                }
            }
            return out;
        } catch (IOException e) {
            throw new IOException("resource " + resource + " is not a whole gzip file: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of {@code name} that the {@code BUILD} resource beside {@code resource} records, if any. */
    private static Optional<String> recordedSha256(String resource, String name) throws IOException {
        String build = resource.substring(0, resource.lastIndexOf('/') + 1) + "BUILD";
        try (InputStream in = UnicornNatives.class.getClassLoader().getResourceAsStream(build)) {
            if (in == null) {
                return Optional.empty();
            }
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " sha256 ([0-9a-f]{64})$")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
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
