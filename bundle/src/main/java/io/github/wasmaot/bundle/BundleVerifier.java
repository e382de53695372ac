package io.github.wasmaot.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.io.BundlePaths;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.verifier.Finding;
import io.github.wasmaot.verifier.Target;
import io.github.wasmaot.verifier.VerificationResult;
import io.github.wasmaot.verifier.Verifier;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Checks a bundle archive ({@code .tar.gz}/{@code .tgz} or {@code .zip}, as {@link Bundler} writes it) against its
 * {@code manifest.json}: every entry name is a relative path inside the bundle; every image and source module the
 * manifest lists is there with the recorded size and SHA-256; every image passes the {@link Verifier} for the
 * profile and ISA the manifest records (which must be those of its {@code aot/<profile>/<isa>/} folder); no entry is
 * unlisted or duplicated; and the archive is byte for byte the one {@link Bundler} writes for those entries and
 * their timestamp (bundles are reproducible), so that a changed byte in metadata the entries do not show (a zip
 * local header, a tar header field) is found too. Every difference is a finding; an archive that cannot be
 * decompressed (a damaged byte breaks its checksums) is one too.
 */
public final class BundleVerifier {
    /** Largest entry read, against decompression bombs. */
    static final long MAX_ENTRY = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleVerifier() {
    }

    /** True when {@code file}'s name says it is a bundle archive this class reads. */
    public static boolean isArchive(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tar.gz") || n.endsWith(".tgz") || n.endsWith(".zip");
    }

    /**
     * @throws BundleException when the file does not exist, cannot be opened, or its name is no archive name
     */
    public static BundleVerification verify(Path archive) throws BundleException {
        if (!isArchive(archive)) {
            throw new BundleException(archive + ": not a bundle archive (expected .tar.gz, .tgz or .zip)");
        }
        if (!Files.isRegularFile(archive)) {
            throw new BundleException(archive + ": no such file");
        }
        List<String> findings = new ArrayList<>();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Instant[] time = new Instant[1];
        try {
            read(archive, entries, findings, time);
            canonical(archive, entries, time[0], findings);
        } catch (IOException | RuntimeException e) {
            findings.add("archive unreadable after " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies")
                    + " (damaged or not a " + (archive.toString().endsWith(".zip") ? "zip" : "gzip'd tar") + "): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return new BundleVerification(archive, List.of(), findings);
        }
        return check(archive, entries, findings);
    }

    private static BundleVerification check(Path archive, Map<String, byte[]> entries, List<String> findings) {
        List<String> verified = new ArrayList<>();
        byte[] manifestBytes = entries.get(Bundler.MANIFEST);
        if (manifestBytes == null) {
            findings.add(Bundler.MANIFEST + ": missing");
            return new BundleVerification(archive, verified, findings);
        }
        JsonNode root;
        try {
            root = JSON.readTree(manifestBytes);
        } catch (IOException e) {
            findings.add(Bundler.MANIFEST + ": not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return new BundleVerification(archive, verified, findings);
        }
        if (!ManifestJson.FORMAT.equals(root.path("format").asText(null))) {
            findings.add(Bundler.MANIFEST + ": format is " + root.path("format") + ", expected \""
                    + ManifestJson.FORMAT + "\"");
            return new BundleVerification(archive, verified, findings);
        }
        Set<String> listed = new HashSet<>(Set.of(Bundler.MANIFEST));
        int index = 0;
        for (JsonNode image : root.path("images")) {
            String where = Bundler.MANIFEST + " images[" + index++ + "]";
            String path = image.path("path").asText("");
            String problem = BundlePaths.problem(path);
            if (problem != null) {
                findings.add(where + ": path \"" + path + "\" refused: " + problem);
                continue;
            }
            listed.add(path);
            int before = findings.size();
            byte[] bytes = entry(entries, path, image, findings);
            JsonNode wasm = image.path("wasm");
            if (wasm.isObject()) {
                String wp = wasm.path("path").asText("");
                String wproblem = BundlePaths.problem(wp);
                if (wproblem != null) {
                    findings.add(where + ": wasm path \"" + wp + "\" refused: " + wproblem);
                } else {
                    listed.add(wp);
                    entry(entries, wp, wasm, findings);
                }
            }
            if (bytes == null) {
                continue;
            }
            String profileName = image.path("profile").asText("");
            String isa = image.path("isa").asText("");
            RuntimeProfile profile = ProfileCatalog.byNameOrAlias(profileName).orElse(null);
            if (profile == null || !profile.name().equals(profileName)) {
                findings.add(path + ": manifest records profile \"" + profileName + "\", which is no known profile");
                continue;
            }
            String[] parts = path.split("/");
            if (parts.length != 4 || !parts[0].equals("aot")
                    || !ProfileCatalog.byNameOrAlias(parts[1]).map(RuntimeProfile::name).orElse("").equals(profileName)
                    || !parts[2].equals(isa)) {
                findings.add(path + ": not filed as aot/<profile>/<isa>/<name>.aot for the recorded " + profileName
                        + " " + isa);
            }
            VerificationResult result = Verifier.verify(bytes, path, profile, Target.of(isa));
            for (Finding f : result.errors()) {
                findings.add(path + ": " + profileName + " " + isa + ": " + f.message()
                        + (f.offset() >= 0 ? " (offset 0x" + Long.toHexString(f.offset()) + ")" : ""));
            }
            if (findings.size() == before) {
                verified.add(path + ": " + profileName + " " + isa + ", sha256 " + image.path("sha256").asText());
            }
        }
        if (index == 0) {
            findings.add(Bundler.MANIFEST + ": lists no image");
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name)) {
                findings.add(name + ": in the archive but not listed in " + Bundler.MANIFEST);
            }
        }
        return new BundleVerification(archive, verified, findings);
    }

    /** The entry's bytes when it is there with the recorded size and SHA-256, else null and a finding. */
    private static byte[] entry(Map<String, byte[]> entries, String path, JsonNode recorded, List<String> findings) {
        byte[] bytes = entries.get(path);
        if (bytes == null) {
            findings.add(path + ": listed in " + Bundler.MANIFEST + " but not in the archive");
            return null;
        }
        long size = recorded.path("size").asLong(-1);
        String sha = Bundler.sha256(bytes);
        String expected = recorded.path("sha256").asText("");
        if (size != bytes.length) {
            findings.add(path + ": size is " + bytes.length + " but " + Bundler.MANIFEST + " records " + size);
        }
        if (!sha.equals(expected)) {
            findings.add(path + ": SHA-256 is " + sha + " but " + Bundler.MANIFEST + " records " + expected);
            return null;
        }
        return size == bytes.length ? bytes : null;
    }

    /** A finding when {@code archive} is not the archive {@link Bundler} writes for its entries and time. */
    private static void canonical(Path archive, Map<String, byte[]> entries, Instant time, List<String> findings)
            throws IOException {
        if (time == null) {
            return;
        }
        BundleFormat format = isZip(archive) ? BundleFormat.ZIP : BundleFormat.TAR_GZ;
        Path again = Files.createTempFile("wasm-aot-bundle-check", ".tmp");
        try {
            Archives.write(format, again, new TreeMap<>(entries), time);
            byte[] expected = Files.readAllBytes(again);
            byte[] actual = Files.readAllBytes(archive);
            long at = Arrays.mismatch(expected, actual);
            if (at >= 0) {
                findings.add("archive differs at offset " + at + " (0x" + Long.toHexString(at) + ") from the "
                        + format.name().toLowerCase(Locale.ROOT).replace('_', '.') + " wasm-aot writes for the same"
                        + " entries and time (" + time + "): changed after bundling, or not written by wasm-aot");
            }
        } finally {
            Files.deleteIfExists(again);
        }
    }

    private static boolean isZip(Path archive) {
        return archive.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static void read(Path archive, Map<String, byte[]> entries, List<String> findings, Instant[] time)
            throws IOException {
        if (isZip(archive)) {
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    if (e.isDirectory()) {
                        continue;
                    }
                    if (time[0] == null) {
                        // the DOS fields hold the UTC fields of the bundle's time (see Archives)
                        time[0] = e.getTimeLocal().toInstant(ZoneOffset.UTC);
                    }
                    try (InputStream in = zip.getInputStream(e)) {
                        add(entries, findings, e.getName(), in);
                    }
                }
            }
            return;
        }
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             GzipCompressorInputStream gz = new GzipCompressorInputStream(file, true);
             TarArchiveInputStream tar = new TarArchiveInputStream(gz, "UTF-8")) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                if (time[0] == null) {
                    time[0] = e.getLastModifiedTime().toInstant();
                }
                if (!e.isFile()) {
                    findings.add(e.getName() + ": not a regular file (links and devices have no place in a bundle)");
                    continue;
                }
                add(entries, findings, e.getName(), tar);
            }
        }
    }

    private static void add(Map<String, byte[]> entries, List<String> findings, String name, InputStream in)
            throws IOException {
        String problem = BundlePaths.problem(name);
        if (problem != null) {
            findings.add("entry \"" + name + "\" refused: " + problem);
            return;
        }
        byte[] bytes = in.readNBytes((int) Math.min(MAX_ENTRY, Integer.MAX_VALUE - 8) + 1);
        if (bytes.length > MAX_ENTRY) {
            throw new IOException(name + " is larger than " + MAX_ENTRY + " bytes");
        }
        if (entries.putIfAbsent(name, bytes) != null) {
            findings.add(name + ": twice in the archive");
        }
    }
}
