package io.github.wasmaot.bundle;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.io.AtomicOutput;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.summary.ImageSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Packs AOT images, their source wasm modules and a {@code manifest.json} into reproducible archives: the one
 * entry point shared by the Maven plugin's {@code bundle} goal and build scripts.
 *
 * <p>Archive layout: {@code aot/<profile>/<isa>/<name>.aot} (as under the images root), {@code wasm/<name>.wasm}
 * and {@code manifest.json}. Entries are sorted by name and carry fixed metadata (the request's timestamp, uid and
 * gid 0, no user or group name, mode 0644), the gzip header has no time or name: the same inputs give
 * byte-identical archives. Each archive is written to a temporary sibling and moved into place, so a reader never
 * sees a partial archive.
 *
 * <p>Every image is read as the runtime profile of its directory ({@code wamr-2.4}, or an alias such as
 * {@code current}) and must be an image of the ISA its directory names; the manifest records what was read
 * (profile, AOT version, ISA) and the SHA-256 of every image and module, usable as TEE measurements.
 */
public final class Bundler {
    /** Name of the manifest entry. */
    public static final String MANIFEST = "manifest.json";
    /** Folder of the images in the archive. */
    public static final String IMAGE_FOLDER = "aot/";
    /** Folder of the source modules in the archive. */
    public static final String WASM_FOLDER = "wasm/";

    private static final String IMAGE_SUFFIX = ".aot";
    private static final String WASM_SUFFIX = ".wasm";

    private Bundler() {
    }

    /**
     * Writes the requested archives.
     *
     * @throws BundleException naming the file when the images root is missing or empty (and images are required),
     *                         an image is not at {@code <profile>/<isa>/<name>.aot}, its directory names an unknown
     *                         profile, it is not an image of that profile or ISA, a compiler entry matches no image,
     *                         or a file cannot be read or written
     */
    public static BundleResult bundle(BundleRequest request) throws BundleException {
        Path root = request.imageDirectory();
        if (!Files.isDirectory(root)) {
            if (request.requireImages()) {
                throw new BundleException("image directory " + root + " does not exist");
            }
            return empty();
        }
        List<Path> files = imagesUnder(root);
        if (files.isEmpty()) {
            if (request.requireImages()) {
                throw new BundleException("no *" + IMAGE_SUFFIX + " image under " + root
                        + " (expected <profile>/<isa>/<name>" + IMAGE_SUFFIX + ")");
            }
            return empty();
        }
        checkCompilerKeys(request, root, files);

        SortedMap<String, byte[]> entries = new TreeMap<>();
        List<BundledImage> images = new ArrayList<>();
        for (Path file : files) {
            images.add(image(request, root, file, entries));
        }
        byte[] manifest = ManifestJson.render(images);
        entries.put(MANIFEST, manifest);

        Map<BundleFormat, Path> archives = new EnumMap<>(BundleFormat.class);
        Map<BundleFormat, AtomicOutput> outputs = new EnumMap<>(BundleFormat.class);
        try {
            for (BundleFormat format : EnumSet.copyOf(request.formats())) {
                AtomicOutput output = AtomicOutput.begin(request.archive(format), files);
                outputs.put(format, output);
                Archives.write(format, output.temp(), entries, request.timestamp());
            }
            for (Map.Entry<BundleFormat, AtomicOutput> o : outputs.entrySet()) {
                o.getValue().commit();
                archives.put(o.getKey(), request.archive(o.getKey()));
            }
        } catch (AtomicOutput.RefusedOutputException e) {
            throw new BundleException("cannot write the bundle: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BundleException("cannot write the bundle to " + request.outputDirectory() + ": " + e, e);
        } finally {
            outputs.values().forEach(AtomicOutput::close);
        }
        if (request.unpackDirectory() != null) {
            unpack(entries, request.unpackDirectory());
        }
        return new BundleResult(images, archives, List.copyOf(entries.keySet()), manifest,
                Optional.ofNullable(request.unpackDirectory()));
    }

    private static BundleResult empty() {
        return new BundleResult(List.of(), Map.of(), List.of(), new byte[0], Optional.empty());
    }

    private static BundledImage image(BundleRequest request, Path root, Path file, Map<String, byte[]> entries)
            throws BundleException {
        String rel = relative(root, file);
        String[] parts = rel.split("/");
        if (parts.length != 3) {
            throw new BundleException(file + ": images must be laid out <profile>/<isa>/<name>" + IMAGE_SUFFIX
                    + " under " + root + ", found " + rel);
        }
        RuntimeProfile profile = ProfileCatalog.byNameOrAlias(parts[0]).orElseThrow(() -> new BundleException(
                file + ": directory " + parts[0] + " names no known runtime profile; known: " + knownProfiles()));
        byte[] bytes = read(file, "AOT image");
        AotImage image;
        try {
            image = AotReader.read(bytes, rel, profile);
        } catch (AotFormatException e) {
            throw new BundleException(file + ": not a " + profile.name() + " image (filed under " + parts[0] + "): "
                    + e.getMessage(), e);
        }
        ImageSummary summary = ImageSummary.of(image, bytes.length);
        if (!summary.isa().equalsIgnoreCase(parts[1])) {
            throw new BundleException(file + ": filed under ISA " + parts[1] + " but is an " + summary.isa()
                    + " image (target info arch " + summary.arch() + ")");
        }
        String path = IMAGE_FOLDER + rel;
        entries.put(path, bytes);
        Optional<BundledImage.Source> wasm = source(request.sourceDirectory(), parts[2], entries);
        return new BundledImage(path, file, profile.name(), summary.isa(), summary.aotVersion(), bytes.length,
                sha256(bytes), wasm, compiler(request, rel, parts[2]));
    }

    private static Optional<CompilerInfo> compiler(BundleRequest request, String rel, String fileName) {
        CompilerInfo info = request.compilers().get(rel);
        if (info == null) {
            info = request.compilers().get(fileName);
        }
        if (info == null) {
            info = request.defaultCompiler();
        }
        return info == null || info.isEmpty() ? Optional.empty() : Optional.of(info);
    }

    private static void checkCompilerKeys(BundleRequest request, Path root, List<Path> files)
            throws BundleException {
        Set<String> known = new HashSet<>();
        for (Path f : files) {
            known.add(relative(root, f));
            known.add(f.getFileName().toString());
        }
        for (String key : request.compilers().keySet()) {
            if (!known.contains(key)) {
                throw new BundleException("compiler information given for " + key + ", which is no image under "
                        + root + " (key by <profile>/<isa>/<name>" + IMAGE_SUFFIX + " or <name>" + IMAGE_SUFFIX + ")");
            }
        }
    }

    /**
     * The source module of image {@code fileName}: {@code <name>.wasm}, else the longest dot-separated prefix of
     * the name with a {@code .wasm} in the source directory.
     */
    private static Optional<BundledImage.Source> source(Path dir, String fileName, Map<String, byte[]> entries)
            throws BundleException {
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String base = fileName.substring(0, fileName.length() - IMAGE_SUFFIX.length());
        while (!base.isEmpty()) {
            Path candidate = dir.resolve(base + WASM_SUFFIX);
            if (Files.isRegularFile(candidate)) {
                byte[] bytes = read(candidate, "wasm module");
                String path = WASM_FOLDER + candidate.getFileName();
                entries.put(path, bytes);
                return Optional.of(new BundledImage.Source(path, candidate, bytes.length, sha256(bytes)));
            }
            int dot = base.lastIndexOf('.');
            base = dot < 0 ? "" : base.substring(0, dot);
        }
        return Optional.empty();
    }

    private static List<Path> imagesUnder(Path root) throws BundleException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(IMAGE_SUFFIX))
                    .sorted((a, b) -> relative(root, a).compareTo(relative(root, b)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BundleException("cannot list AOT images under " + root + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static void unpack(Map<String, byte[]> entries, Path dir) throws BundleException {
        try {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                Path target = dir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                AtomicOutput.write(target, e.getValue()); // as every output: never a half-written entry
            }
        } catch (IOException e) {
            throw new BundleException("cannot write the bundle entries under " + dir + ": " + e, e);
        }
    }

    private static byte[] read(Path file, String what) throws BundleException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BundleException("cannot read " + what + " " + file + ": " + e, e);
        }
    }

    /** SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String knownProfiles() {
        return String.join(", ", ProfileCatalog.all().stream()
                .map(p -> p.aliases().isEmpty() ? p.name() : p.name() + " (" + String.join(", ", p.aliases()) + ")")
                .toList());
    }
}
