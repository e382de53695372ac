package io.github.wasmaot.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wasmaot.format.testing.AotVectors;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles checked against their manifest: sound ones pass, every difference is a finding. */
class BundleVerifierTest {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADD = "aot/wamr-2.4/x86_64/add.aot";

    @TempDir
    Path tmp;
    BundleResult bundle;

    @BeforeEach
    void bundle() throws Exception {
        Path images = tmp.resolve("wasm-aot");
        for (String file : List.of("add.wamr-2.4.x86_64.aot", "add.wamr-2.4.aarch64.aot",
                "hello.wamr-cba4c782.x86_64.aot")) {
            AotVectors.Entry v = AotVectors.byFile(file);
            Path dir = images.resolve(v.profile()).resolve(v.isa());
            Files.createDirectories(dir);
            Files.copy(v.path(), dir.resolve(file.substring(0, file.indexOf('.')) + ".aot"));
        }
        bundle = Bundler.bundle(BundleRequest.builder(images, tmp.resolve("out"), "app")
                .sourceDirectory(AotVectors.dir()).formats(BundleFormat.TAR_GZ, BundleFormat.ZIP).timestamp(TIME)
                .build());
    }

    private SortedMap<String, byte[]> entries() throws Exception {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (InputStream in = Files.newInputStream(bundle.archives().get(BundleFormat.TAR_GZ));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                out.put(e.getName(), tar.readAllBytes());
            }
        }
        return out;
    }

    private Path archive(String name, SortedMap<String, byte[]> entries) throws Exception {
        Path file = tmp.resolve(name);
        Archives.write(name.endsWith(".zip") ? BundleFormat.ZIP : BundleFormat.TAR_GZ, file, entries, TIME);
        return file;
    }

    @Test
    void soundBundlesPass() throws Exception {
        for (Path archive : bundle.archives().values()) {
            BundleVerification v = BundleVerifier.verify(archive);
            assertEquals(List.of(), v.findings(), archive.toString());
            assertEquals(3, v.verified().size(), v.verified().toString());
            assertTrue(v.verified().get(0).startsWith(ADD.replace("x86_64", "aarch64") + ": wamr-2.4 aarch64, sha256 "),
                    v.verified().toString());
            assertTrue(v.lines().get(v.lines().size() - 1).endsWith(": bundle verified, 3 image(s)"));
        }
    }

    @Test
    void oneFlippedByteAnywhereFails() throws Exception {
        for (Path archive : bundle.archives().values()) {
            Path copy = tmp.resolve("flipped-" + archive.getFileName());
            byte[] original = Files.readAllBytes(archive);
            for (int i = 0; i < 40; i++) {
                int at = (int) ((long) original.length * i / 40);
                byte[] bytes = original.clone();
                bytes[at] ^= 0x01;
                Files.write(copy, bytes);
                BundleVerification v = BundleVerifier.verify(copy);
                assertFalse(v.passed(), copy + " flipped at " + at);
            }
        }
    }

    @Test
    void aChangedZipHeaderFieldIsFoundByItsOffset() throws Exception {
        Path zip = bundle.archives().get(BundleFormat.ZIP);
        byte[] bytes = Files.readAllBytes(zip);
        // the first local header's modification time: java.util.zip reads the central directory's
        bytes[10] ^= 0x01;
        Path copy = tmp.resolve("time.zip");
        Files.write(copy, bytes);
        BundleVerification v = BundleVerifier.verify(copy);
        assertEquals(1, v.findings().size(), v.findings().toString());
        assertTrue(v.findings().get(0).startsWith("archive differs at offset 10 (0xa) from the zip wasm-aot writes"
                + " for the same entries and time (2026-01-01T00:00:00Z)"), v.findings().toString());
    }

    @Test
    void anImageChangedAfterBundlingIsAShaFinding() throws Exception {
        SortedMap<String, byte[]> entries = entries();
        byte[] image = entries.get(ADD).clone();
        String before = Bundler.sha256(image);
        image[image.length - 1] ^= 0x01;
        entries.put(ADD, image);
        for (String name : List.of("changed.tar.gz", "changed.zip")) {
            BundleVerification v = BundleVerifier.verify(archive(name, entries));
            assertEquals(List.of(ADD + ": SHA-256 is " + Bundler.sha256(image) + " but manifest.json records "
                    + before), v.findings());
            assertEquals(2, v.verified().size());
        }
    }

    @Test
    void manifestPathsOutsideTheBundleAreRefused() throws Exception {
        for (String bad : List.of("../add.aot", "file:/etc/passwd", "/aot/add.aot", "http://example.com/x.aot",
                "aot\\wamr-2.4\\x86_64\\add.aot")) {
            SortedMap<String, byte[]> entries = entries();
            ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
            ((ObjectNode) manifest.withArray("images").get(1)).put("path", bad);
            entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
            BundleVerification v = BundleVerifier.verify(archive("bad.tar.gz", entries));
            assertTrue(v.findings().get(0).startsWith("manifest.json images[1]: path \"" + bad + "\" refused: "),
                    v.findings().toString());
            // and the image it displaced is no longer listed
            assertTrue(v.findings().contains(ADD + ": in the archive but not listed in manifest.json"),
                    v.findings().toString());
        }
    }

    @Test
    void aWrongIsaOrProfileInTheManifestIsAVerifierFinding() throws Exception {
        SortedMap<String, byte[]> entries = entries();
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        ObjectNode add = (ObjectNode) manifest.withArray("images").get(1);
        assertEquals(ADD, add.get("path").asText());
        add.put("isa", "aarch64");
        entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
        BundleVerification v = BundleVerifier.verify(archive("isa.zip", entries));
        assertTrue(v.findings().contains(ADD + ": not filed as aot/<profile>/<isa>/<name>.aot for the recorded"
                + " wamr-2.4 aarch64"), v.findings().toString());
        assertTrue(v.findings().stream().anyMatch(f -> f.startsWith(ADD + ": wamr-2.4 aarch64: ")),
                v.findings().toString());
    }

    @Test
    void missingAndExtraEntriesAreFindings() throws Exception {
        SortedMap<String, byte[]> entries = entries();
        entries.remove(ADD);
        entries.put("notes.txt", new byte[] {1});
        BundleVerification v = BundleVerifier.verify(archive("gaps.tar.gz", entries));
        assertEquals(List.of(ADD + ": listed in manifest.json but not in the archive",
                "notes.txt: in the archive but not listed in manifest.json"), v.findings());
        entries.remove("manifest.json");
        assertEquals(List.of("manifest.json: missing"),
                BundleVerifier.verify(archive("none.zip", entries)).findings());
    }

    @Test
    void noArchiveIsAnError() {
        BundleException e = assertThrows(BundleException.class,
                () -> BundleVerifier.verify(tmp.resolve("missing.tar.gz")));
        assertEquals(tmp.resolve("missing.tar.gz") + ": no such file", e.getMessage());
        assertThrows(BundleException.class, () -> BundleVerifier.verify(tmp.resolve("x.aot")));
    }
}
