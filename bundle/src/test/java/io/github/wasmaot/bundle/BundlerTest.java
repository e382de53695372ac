package io.github.wasmaot.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.testing.AotVectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundlerTest {
    /** Real wamrc images, one per module kind, both profiles and ISAs, with and without bounds checks. */
    private static final List<String> VECTORS = List.of(
            "add.wamr-2.4.x86_64.aot", "add.wamr-2.4.x86_64.bounds-checks.aot", "add.wamr-2.4.aarch64.aot",
            "features.wamr-2.4.x86_64.aot", "hello.wamr-cba4c782.x86_64.aot", "stats.wamr-cba4c782.aarch64.aot");
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path images;

    @BeforeEach
    void layOut() throws IOException {
        images = tmp.resolve("wasm-aot");
        for (String file : VECTORS) {
            place(file, file);
        }
        // a report beside the images is not an image
        Files.writeString(images.resolve("verify-report.json"), "{}");
    }

    private Path place(String vector, String name) throws IOException {
        AotVectors.Entry v = AotVectors.byFile(vector);
        Path dir = images.resolve(v.profile()).resolve(v.isa());
        Files.createDirectories(dir);
        return Files.copy(v.path(), dir.resolve(name));
    }

    private BundleRequest.Builder request(Path out) {
        return BundleRequest.builder(images, out, "app-1.0-wasm-aot")
                .sourceDirectory(AotVectors.dir())
                .formats(BundleFormat.TAR_GZ, BundleFormat.ZIP)
                .timestamp(TIME);
    }

    @Test
    void sameInputGivesByteIdenticalArchives() throws Exception {
        BundleResult first = Bundler.bundle(request(tmp.resolve("out1")).build());
        Thread.sleep(1100); // a clock leaking into the archive would show now
        BundleResult second = Bundler.bundle(request(tmp.resolve("out2")).build());
        for (BundleFormat f : BundleFormat.values()) {
            assertArrayEquals(Files.readAllBytes(first.archives().get(f)), Files.readAllBytes(second.archives().get(f)),
                    f + " archive differs between two builds");
        }
        // in place, over the previous archive: still the same bytes, no temporary file left behind
        byte[] before = Files.readAllBytes(first.archives().get(BundleFormat.TAR_GZ));
        BundleResult again = Bundler.bundle(request(tmp.resolve("out1")).build());
        assertArrayEquals(before, Files.readAllBytes(again.archives().get(BundleFormat.TAR_GZ)));
        try (Stream<Path> files = Files.list(tmp.resolve("out1"))) {
            assertEquals(List.of("app-1.0-wasm-aot.tar.gz", "app-1.0-wasm-aot.zip"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void zipIsTheSameInEveryTimeZone() throws Exception {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Path utc = Bundler.bundle(request(tmp.resolve("utc")).build()).archives().get(BundleFormat.ZIP);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Path la = Bundler.bundle(request(tmp.resolve("la")).build()).archives().get(BundleFormat.ZIP);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            Path in = Bundler.bundle(request(tmp.resolve("in")).build()).archives().get(BundleFormat.ZIP);
            assertArrayEquals(Files.readAllBytes(utc), Files.readAllBytes(la));
            assertArrayEquals(Files.readAllBytes(utc), Files.readAllBytes(in));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void otherTimestampOtherBytes() throws Exception {
        Path a = Bundler.bundle(request(tmp.resolve("a")).build()).archives().get(BundleFormat.TAR_GZ);
        Path b = Bundler.bundle(request(tmp.resolve("b")).timestamp(TIME.plusSeconds(60)).build()).archives()
                .get(BundleFormat.TAR_GZ);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)));
    }

    @Test
    void manifestHashesAreThoseOfTheEntriesAndOfTheRealImages() throws Exception {
        BundleResult result = Bundler.bundle(request(tmp.resolve("out")).build());
        Map<String, byte[]> tar = readTarGz(result.archives().get(BundleFormat.TAR_GZ));
        Map<String, byte[]> zip = readZip(result.archives().get(BundleFormat.ZIP));
        assertEquals(new ArrayList<>(tar.keySet()), new ArrayList<>(zip.keySet()));
        assertEquals(result.entries(), new ArrayList<>(tar.keySet()));
        assertEquals(result.entries().stream().sorted().toList(), result.entries(), "entries must be sorted");
        for (Map.Entry<String, byte[]> e : tar.entrySet()) {
            assertArrayEquals(e.getValue(), zip.get(e.getKey()), e.getKey());
        }
        assertArrayEquals(result.manifest(), tar.get(Bundler.MANIFEST));

        JsonNode manifest = JSON.readTree(tar.get(Bundler.MANIFEST));
        assertEquals("wasm-aot-bundle/1", manifest.get("format").asText());
        assertEquals(VECTORS.size(), manifest.get("images").size());
        List<String> expectedEntries = new ArrayList<>(List.of(Bundler.MANIFEST));
        for (JsonNode image : manifest.get("images")) {
            String path = image.get("path").asText();
            byte[] bytes = tar.get(path);
            assertTrue(bytes != null, "manifest names " + path + ", which is not in the archive");
            assertEquals(Bundler.sha256(bytes), image.get("sha256").asText(), path);
            assertEquals(bytes.length, image.get("size").asLong());
            // the same image the real wamrc made, as the shared vectors record it
            String file = path.substring(path.lastIndexOf('/') + 1);
            AotVectors.Entry v = AotVectors.byFile(file);
            assertEquals("aot/" + v.profile() + "/" + v.isa() + "/" + file, path);
            assertEquals(v.sha256(), image.get("sha256").asText(), path);
            assertEquals(v.profile(), image.get("profile").asText());
            assertEquals(v.isa(), image.get("isa").asText());
            assertEquals(v.aotVersion(), image.get("aotVersion").asInt());
            assertFalse(image.has("compiler"), "no compiler information was given");
            JsonNode wasm = image.get("wasm");
            assertEquals("wasm/" + v.wasm(), wasm.get("path").asText(), path);
            byte[] module = tar.get(wasm.get("path").asText());
            assertEquals(Bundler.sha256(module), wasm.get("sha256").asText());
            assertArrayEquals(Files.readAllBytes(v.wasmPath()), module);
            assertEquals(module.length, wasm.get("size").asLong());
            expectedEntries.add(path);
            expectedEntries.add(wasm.get("path").asText());
        }
        assertEquals(expectedEntries.stream().distinct().sorted().toList(), result.entries());
    }

    @Test
    void entriesCarryFixedMetadata() throws Exception {
        BundleResult result = Bundler.bundle(request(tmp.resolve("out")).build());
        try (InputStream in = Files.newInputStream(result.archives().get(BundleFormat.TAR_GZ));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            int n = 0;
            while ((e = tar.getNextEntry()) != null) {
                n++;
                assertEquals(TIME, e.getLastModifiedTime().toInstant(), e.getName());
                assertEquals(0, e.getLongUserId());
                assertEquals(0, e.getLongGroupId());
                assertEquals("", e.getUserName());
                assertEquals("", e.getGroupName());
                assertEquals(0644, e.getMode() & 07777);
                assertTrue(e.isFile());
            }
            assertEquals(result.entries().size(), n);
        }
        try (ZipFile zip = ZipFile.builder().setPath(result.archives().get(BundleFormat.ZIP)).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                // DOS time fields hold the UTC time whatever the zone: read back in UTC
                java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(
                        Instant.ofEpochMilli(e.getTime()), java.time.ZoneId.systemDefault());
                assertEquals(java.time.LocalDateTime.of(2026, 1, 1, 0, 0), local, e.getName());
                assertEquals(0644, e.getUnixMode() & 07777);
            }
        }
    }

    @Test
    void compilerInformationPerImageAndByDefault() throws Exception {
        BundleResult result = Bundler.bundle(request(tmp.resolve("out"))
                .defaultCompiler(new CompilerInfo("wamrc 2.4.4", List.of("--target=x86_64")))
                .compiler("wamr-2.4/x86_64/add.wamr-2.4.x86_64.bounds-checks.aot",
                        new CompilerInfo("wamrc 2.4.4", List.of("--target=x86_64", "--bounds-checks=1")))
                .compiler("hello.wamr-cba4c782.x86_64.aot",
                        new CompilerInfo("wamrc cba4c782", List.of("--target=x86_64", "--cpu=x86-64-v2")))
                .build());
        JsonNode manifest = JSON.readTree(result.manifest());
        Map<String, JsonNode> byPath = new LinkedHashMap<>();
        manifest.get("images").forEach(i -> byPath.put(i.get("path").asText(), i.get("compiler")));
        JsonNode bounds = byPath.get("aot/wamr-2.4/x86_64/add.wamr-2.4.x86_64.bounds-checks.aot");
        assertEquals("wamrc 2.4.4", bounds.get("version").asText());
        assertEquals("[\"--target=x86_64\",\"--bounds-checks=1\"]", bounds.get("options").toString());
        JsonNode hello = byPath.get("aot/wamr-cba4c782/x86_64/hello.wamr-cba4c782.x86_64.aot");
        assertEquals("wamrc cba4c782", hello.get("version").asText());
        JsonNode plain = byPath.get("aot/wamr-2.4/x86_64/add.wamr-2.4.x86_64.aot");
        assertEquals("[\"--target=x86_64\"]", plain.get("options").toString());
    }

    @Test
    void compilerKeyThatMatchesNoImageIsAnError() {
        BundleException e = assertThrows(BundleException.class, () -> Bundler.bundle(request(tmp.resolve("out"))
                .compiler("wamr-2.4/x86_64/nope.aot", new CompilerInfo("wamrc", List.of())).build()));
        assertTrue(e.getMessage().contains("wamr-2.4/x86_64/nope.aot"), e.getMessage());
    }

    @Test
    void sourceIsFoundByTheLongestDottedPrefixAndOptional() throws Exception {
        Path sources = tmp.resolve("src");
        Files.createDirectories(sources);
        Files.copy(AotVectors.dir().resolve("add.wasm"), sources.resolve("add.wasm"));
        Files.copy(AotVectors.dir().resolve("add.wasm"), sources.resolve("add.wamr-2.4.wasm"));
        BundleResult result = Bundler.bundle(request(tmp.resolve("out")).sourceDirectory(sources).build());
        Map<String, String> wasmOf = new LinkedHashMap<>();
        for (BundledImage i : result.images()) {
            wasmOf.put(i.path(), i.wasm().map(BundledImage.Source::path).orElse(null));
        }
        assertEquals("wasm/add.wamr-2.4.wasm", wasmOf.get("aot/wamr-2.4/x86_64/add.wamr-2.4.x86_64.aot"));
        assertEquals("wasm/add.wamr-2.4.wasm",
                wasmOf.get("aot/wamr-2.4/x86_64/add.wamr-2.4.x86_64.bounds-checks.aot"));
        assertEquals(null, wasmOf.get("aot/wamr-2.4/x86_64/features.wamr-2.4.x86_64.aot"));
        assertTrue(JSON.readTree(result.manifest()).get("images").get(0).has("wasm"));
        assertFalse(result.entries().contains("wasm/features.wasm"));
    }

    @Test
    void unpackDirectoryReceivesEveryEntry() throws Exception {
        Path classes = tmp.resolve("classes/META-INF/wasm-aot");
        BundleResult result = Bundler.bundle(request(tmp.resolve("out")).unpackDirectory(classes).build());
        for (String entry : result.entries()) {
            assertTrue(Files.isRegularFile(classes.resolve(entry)), entry);
        }
        assertArrayEquals(result.manifest(), Files.readAllBytes(classes.resolve(Bundler.MANIFEST)));
        assertArrayEquals(Files.readAllBytes(AotVectors.byFile("add.wamr-2.4.x86_64.aot").path()),
                Files.readAllBytes(classes.resolve("aot/wamr-2.4/x86_64/add.wamr-2.4.x86_64.aot")));
    }

    @Test
    void profileAliasDirectoryIsRecordedByCanonicalName() throws Exception {
        Path dir = images.resolve("current/x86_64");
        Files.createDirectories(dir);
        Files.copy(AotVectors.byFile("add.wamr-2.4.x86_64.aot").path(), dir.resolve("alias.aot"));
        BundleResult result = Bundler.bundle(request(tmp.resolve("out")).build());
        BundledImage alias = result.images().stream().filter(i -> i.path().endsWith("/alias.aot")).findFirst()
                .orElseThrow();
        assertEquals("aot/current/x86_64/alias.aot", alias.path());
        assertEquals("wamr-2.4", alias.profile());
    }

    @Test
    void imageFiledUnderTheWrongProfileIsRejected() throws Exception {
        Path dir = images.resolve("wamr-cba4c782/x86_64");
        Files.copy(AotVectors.byFile("add.wamr-2.4.x86_64.aot").path(), dir.resolve("misfiled.aot"));
        BundleException e = assertThrows(BundleException.class,
                () -> Bundler.bundle(request(tmp.resolve("out")).build()));
        assertTrue(e.getMessage().contains("misfiled.aot: not a wamr-cba4c782 image"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written when an image is rejected");
    }

    @Test
    void imageFiledUnderTheWrongIsaIsRejected() throws Exception {
        Path dir = images.resolve("wamr-2.4/x86_64");
        Files.copy(AotVectors.byFile("add.wamr-2.4.aarch64.aot").path(), dir.resolve("arm.aot"));
        BundleException e = assertThrows(BundleException.class,
                () -> Bundler.bundle(request(tmp.resolve("out")).build()));
        assertTrue(e.getMessage().contains("arm.aot: filed under ISA x86_64 but is an aarch64 image"),
                e.getMessage());
    }

    @Test
    void layoutAndProfileNamesAreChecked() throws Exception {
        Files.copy(AotVectors.byFile("add.wamr-2.4.x86_64.aot").path(), images.resolve("flat.aot"));
        BundleException flat = assertThrows(BundleException.class,
                () -> Bundler.bundle(request(tmp.resolve("out")).build()));
        assertTrue(flat.getMessage().contains("<profile>/<isa>/<name>.aot"), flat.getMessage());
        Files.delete(images.resolve("flat.aot"));

        Path dir = images.resolve("wamr-9.9/x86_64");
        Files.createDirectories(dir);
        Files.copy(AotVectors.byFile("add.wamr-2.4.x86_64.aot").path(), dir.resolve("add.aot"));
        BundleException unknown = assertThrows(BundleException.class,
                () -> Bundler.bundle(request(tmp.resolve("out")).build()));
        assertTrue(unknown.getMessage().contains("directory wamr-9.9 names no known runtime profile"),
                unknown.getMessage());
    }

    @Test
    void nothingToBundle() throws Exception {
        Path none = tmp.resolve("none");
        BundleException missing = assertThrows(BundleException.class, () -> Bundler.bundle(
                BundleRequest.builder(none, tmp.resolve("out"), "x").build()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Files.createDirectories(none);
        BundleException empty = assertThrows(BundleException.class, () -> Bundler.bundle(
                BundleRequest.builder(none, tmp.resolve("out"), "x").build()));
        assertTrue(empty.getMessage().startsWith("no *.aot image under"), empty.getMessage());
        BundleResult allowed = Bundler.bundle(BundleRequest.builder(none, tmp.resolve("out"), "x")
                .requireImages(false).build());
        assertTrue(allowed.isEmpty());
        assertTrue(allowed.archives().isEmpty());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void formatsParse() throws BundleException {
        assertEquals(BundleFormat.TAR_GZ, BundleFormat.parse(" TAR.GZ "));
        assertEquals(BundleFormat.TAR_GZ, BundleFormat.parse("tgz"));
        assertEquals(BundleFormat.ZIP, BundleFormat.parse("zip"));
        BundleException e = assertThrows(BundleException.class, () -> BundleFormat.parse("rar"));
        assertEquals("unknown bundle format 'rar'; known: tar.gz, zip", e.getMessage());
        assertNotEquals(BundleRequest.DEFAULT_TIMESTAMP,
                BundleRequest.builder(images, tmp, "x").timestamp(TIME).build().timestamp());
    }

    static Map<String, byte[]> readTarGz(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                out.put(e.getName(), tar.readAllBytes());
            }
        }
        return out;
    }

    static Map<String, byte[]> readZip(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

}
