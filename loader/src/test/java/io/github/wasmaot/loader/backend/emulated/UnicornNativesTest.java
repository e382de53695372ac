package io.github.wasmaot.loader.backend.emulated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Unicorn libraries that come with the loader (the patched 2.1.4 for linux-x86_64, 2.0.1 through Maven) are the
 * ones the emulated backend loads.
 */
class UnicornNativesTest {

    @TempDir
    Path cache;

    @BeforeEach
    void onlyWhereABuildIsBundled() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        Assumptions.assumeTrue((os.contains("linux") || os.contains("mac"))
                && (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64")),
                "no bundled Unicorn build for " + os + "/" + arch);
    }

    @Test
    void aBuildForThisPlatformIsOnTheClassPath() {
        assertTrue(UnicornNatives.bundledResource().isPresent(), "natives/<platform>/libunicorn.* is missing");
    }

    @Test
    void theBundledBuildEmulatesAarch64() {
        Assumptions.assumeTrue(System.getProperty(UnicornNatives.PATH_PROPERTY) == null
                && System.getenv(UnicornNatives.PATH_ENV) == null, "a Unicorn library is configured explicitly");
        int arm64 = UnicornConstants.UC_ARCH_ARM64;
        assertNull(UnicornEngine.unavailableReason(arm64));
        // the patched 2.1.4 serves aarch64 on linux-x86_64 and 2.0.1 elsewhere, unless the system has a newer Unicorn
        String chosen = UnicornEngine.libraryDescription(arm64);
        String expected = UnicornNatives.patchedResource()
                .map(resource -> "bundled " + resource + " (").orElse("bundled natives/");
        String version = UnicornNatives.patchedResource().isPresent() ? "(Unicorn 2.1.4)" : "(Unicorn 2.0.1)";
        assertTrue(chosen.startsWith(expected) && chosen.endsWith(version)
                || chosen.startsWith("system library") && !chosen.endsWith(version), chosen);
    }

    @Test
    void linuxX8664HostsHaveThePatchedBuild() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assertEquals(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")),
                UnicornNatives.patchedResource().isPresent());
    }

    /**
     * The patched library is the one its BUILD file describes, made from the patch in tools/unicorn as it is now: a
     * changed patch without a rebuilt library (tools/unicorn/build --bundled) fails here.
     */
    @Test
    void thePatchedBuildIsTheOneItsBuildFileDescribes() throws Exception {
        String resource = UnicornNatives.patchedResource().orElse(null);
        Assumptions.assumeTrue(resource != null, "no patched build for this host");
        String build = new String(resourceBytes(UnicornNatives.PATCHED_RESOURCE_DIR + "/linux-x86_64/BUILD"),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher library = java.util.regex.Pattern.compile("libunicorn\\.so\\.2 sha256 ([0-9a-f]{64})")
                .matcher(build);
        assertTrue(library.find(), build);
        assertEquals(library.group(1), sha256(gunzip(resourceBytes(resource))));
        java.util.regex.Matcher patch = java.util.regex.Pattern
                .compile("tools/unicorn/(\\S+\\.patch)\\s+\\(sha256 ([0-9a-f]{64})\\)").matcher(build);
        assertTrue(patch.find(), build);
        Path patchFile = Path.of("..", "tools", "unicorn", patch.group(1));
        Assumptions.assumeTrue(Files.isRegularFile(patchFile), "tools/unicorn is not beside this module");
        assertEquals(patch.group(2), sha256(Files.readAllBytes(patchFile)), patchFile + " changed since the build");
        assertTrue(resourceBytes(UnicornNatives.PATCHED_RESOURCE_DIR + "/linux-x86_64/COPYING").length > 10_000,
                "Unicorn's licence (GPL-2.0) travels with the library");
    }

    @Test
    void thePatchedBuildIsUnpackedOnceUnderItsOwnHash() throws Exception {
        String resource = UnicornNatives.patchedResource().orElse(null);
        Assumptions.assumeTrue(resource != null, "no patched build for this host");
        byte[] library = gunzip(resourceBytes(resource));
        Path file = UnicornNatives.extract(resource, List.of(cache));
        assertEquals("libunicorn.so.2", file.getFileName().toString());
        assertEquals(sha256(library), file.getParent().getFileName().toString());
        assertArrayEquals(library, Files.readAllBytes(file));
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertEquals(file, UnicornNatives.extract(resource, List.of(cache)));
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis(), "an intact copy is not rewritten");
    }

    @Test
    void aDamagedPackedResourceIsRefusedAndNothingIsWritten() {
        // test resources: a 2,000-byte gzip file cut at 1,000 bytes, whose last four bytes then read as a size of
        // 450,185,295; and the same file with its stream cut in the middle but its trailer (size 2,000) kept
        assertEquals("resource unicorn/truncated.so.gz is not a whole gzip file: its trailer gives 450185295 bytes,"
                + " more than a library (67108864)", refused("unicorn/truncated.so.gz"));
        String middle = refused("unicorn/middle-cut.so.gz");
        assertTrue(middle.startsWith("resource unicorn/middle-cut.so.gz is not a whole gzip file: "), middle);
    }

    @Test
    void aResourceThatIsNotTheLibraryItsBuildFileRecordsIsRefused() {
        // unicorn/mismatch/BUILD records the sha256 of other bytes than lib.so.gz unpacks to (test resources)
        assertEquals("resource unicorn/mismatch/lib.so.gz is not the library its BUILD file records (sha256 "
                + "0000000000000000000000000000000000000000000000000000000000000000)",
                refused("unicorn/mismatch/lib.so.gz"));
    }

    /** The message with which extracting {@code resource} fails; fails the test if anything was written. */
    private String refused(String resource) {
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> UnicornNatives.extract(resource, List.of(cache)));
        assertTrue(Files.notExists(cache.resolve("wasm-aot")), "something was written for " + resource);
        return e.getMessage();
    }

    @Test
    void theFallbackServesOnlyWhenTheFirstBuildDoesNotLoad() throws Exception {
        String older = UnicornNatives.bundledResource().orElseThrow();
        String olderPath = UnicornNatives.extract(older, List.of(cache)).toString();
        var fallback = new UnicornNatives.Candidate(olderPath, "older");
        // a first build that cannot load: the fallback serves, and both are named
        UnicornLibrary.Libraries broken = new UnicornLibrary.Libraries(() -> List.of(new UnicornNatives.Candidate(
                cache.resolve("missing.so").toString(), "patched", () -> fallback)));
        assertEquals("older", broken.forArch(UnicornConstants.UC_ARCH_ARM64).orElseThrow().description());
        assertEquals("older (Unicorn 2.0.1) emulates arm64; patched: not found", broken.tried());
        // a first build that loads: the fallback is never asked for
        java.util.concurrent.atomic.AtomicBoolean asked = new java.util.concurrent.atomic.AtomicBoolean();
        UnicornLibrary.Libraries working = new UnicornLibrary.Libraries(() -> List.of(new UnicornNatives.Candidate(
                olderPath, "first", () -> {
                    asked.set(true);
                    return fallback;
                })));
        assertEquals("first", working.forArch(UnicornConstants.UC_ARCH_ARM64).orElseThrow().description());
        assertTrue(!asked.get(), "the fallback was copied out or loaded although the first build loaded");
    }

    @Test
    void aLibraryTheHostCannotLoadSaysWhy() {
        assertEquals("cannot be loaded: version `GLIBC_2.34' not found", UnicornLibrary.Libraries.whyNotLoaded(
                new UnsatisfiedLinkError("Unable to load library '/c/libunicorn.so.2': /lib/x86_64-linux-gnu/libc.so.6: "
                        + "version `GLIBC_2.34' not found (required by /c/libunicorn.so.2)")));
        assertEquals("cannot be loaded: not a library for this host", UnicornLibrary.Libraries.whyNotLoaded(
                new UnsatisfiedLinkError("/c/libunicorn.so.2: wrong ELF class: ELFCLASS32")));
        assertEquals("not a Unicorn library (no uc_version)", UnicornLibrary.Libraries.whyNotLoaded(
                new UnsatisfiedLinkError("Error looking up function 'uc_version': /usr/lib/libz.so.1: undefined symbol:"
                        + " uc_version")));
        assertEquals("not found", UnicornLibrary.Libraries.whyNotLoaded(new UnsatisfiedLinkError(
                "Unable to load library 'unicorn': libunicorn.so: cannot open shared object file: No such file")));
    }

    @Test
    void extractionIsAnExactCopyAndIsReused() throws Exception {
        String resource = UnicornNatives.bundledResource().orElseThrow();
        Path first = UnicornNatives.extract(resource, List.of(cache));
        assertArrayEquals(resourceBytes(resource), Files.readAllBytes(first));
        assertTrue(first.startsWith(cache.resolve("wasm-aot").resolve("unicorn")), first.toString());
        long modified = Files.getLastModifiedTime(first).toMillis();
        Path second = UnicornNatives.extract(resource, List.of(cache));
        assertEquals(first, second);
        assertEquals(modified, Files.getLastModifiedTime(second).toMillis(), "an intact copy is not rewritten");
        try (var files = Files.list(first.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left beside the copy");
        }
    }

    @Test
    void aDamagedCopyIsReplaced() throws Exception {
        String resource = UnicornNatives.bundledResource().orElseThrow();
        Path file = UnicornNatives.extract(resource, List.of(cache));
        byte[] good = resourceBytes(resource);
        Path damaged = Files.createTempFile(file.getParent(), "damaged", ".tmp");
        Files.write(damaged, Arrays.copyOf(good, good.length / 2));
        Files.move(damaged, file, StandardCopyOption.REPLACE_EXISTING);
        assertArrayEquals(good, Files.readAllBytes(UnicornNatives.extract(resource, List.of(cache))));
    }

    @Test
    void anUnwritableCacheFallsBackToTheNextRoot() throws Exception {
        String resource = UnicornNatives.bundledResource().orElseThrow();
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");
        Path fallback = cache.resolve("fallback");
        Path file = UnicornNatives.extract(resource, List.of(notADirectory, fallback));
        assertTrue(file.startsWith(fallback), file.toString());
        assertArrayEquals(resourceBytes(resource), Files.readAllBytes(file));
    }

    @Test
    void aMissingLibraryIsNamedInTheReason() {
        UnicornLibrary.Libraries libs = new UnicornLibrary.Libraries(() -> List.of(
                new UnicornNatives.Candidate(cache.resolve("libunicorn.so").toString(), "configured " + cache)));
        assertTrue(libs.forArch(UnicornConstants.UC_ARCH_ARM64).isEmpty());
        assertEquals("configured " + cache + ": not found", libs.tried());
    }

    @Test
    void eachBundledBuildAloneEmulatesArm64ButNotX86() {
        List<String> resources = new java.util.ArrayList<>();
        UnicornNatives.patchedResource().ifPresent(resources::add);
        resources.add(UnicornNatives.bundledResource().orElseThrow());
        for (String resource : resources) {
            UnicornLibrary.Libraries libs = new UnicornLibrary.Libraries(() -> {
                try {
                    return List.of(new UnicornNatives.Candidate(
                            UnicornNatives.extract(resource, List.of(cache)).toString(), "bundled"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(libs.forArch(UnicornConstants.UC_ARCH_ARM64).isPresent(), resource);
            assertTrue(libs.forArch(UnicornConstants.UC_ARCH_X86).isEmpty(), resource);
            String version = resource.endsWith(".gz") ? "2.1.4" : "2.0.1";
            assertEquals("bundled (Unicorn " + version + ") emulates arm64", libs.tried());
        }
    }

    @Test
    void theNewestLibraryThatEmulatesTheArchitectureIsChosenTheFirstOfEqualOnes() {
        int arm64 = UnicornConstants.UC_ARCH_ARM64;
        int x86 = UnicornConstants.UC_ARCH_X86;
        var bundled = new UnicornLibrary.Libraries.Loaded(null, "bundled", 0x020001ff, java.util.Set.of(arm64));
        var system201 = new UnicornLibrary.Libraries.Loaded(null, "system", 0x020001ff, java.util.Set.of(arm64, x86));
        var system214 = new UnicornLibrary.Libraries.Loaded(null, "system", 0x020104ff, java.util.Set.of(arm64, x86));
        assertEquals(bundled, UnicornLibrary.Libraries.choose(List.of(bundled, system201), arm64).orElseThrow());
        assertEquals(system201, UnicornLibrary.Libraries.choose(List.of(bundled, system201), x86).orElseThrow());
        assertEquals(system214, UnicornLibrary.Libraries.choose(List.of(bundled, system214), arm64).orElseThrow());
        assertTrue(UnicornLibrary.Libraries.choose(List.of(bundled), x86).isEmpty());
        assertEquals("system (Unicorn 2.1.4)", system214.describe());
        assertEquals("2.1.0-rc3", UnicornLibrary.versionText(0x02010003));
    }

    /**
     * With {@value UnicornNatives#PATH_PROPERTY} (or {@value UnicornNatives#PATH_ENV}) naming a library, that
     * library alone serves the emulator, and its version is what uc_version says (2.x).
     */
    @Test
    void aConfiguredLibraryIsTheOneUsedWithItsVersion() {
        String configured = java.util.Optional.ofNullable(System.getProperty(UnicornNatives.PATH_PROPERTY))
                .orElse(System.getenv(UnicornNatives.PATH_ENV));
        Assumptions.assumeTrue(configured != null && !configured.equals("system"), "no Unicorn library configured");
        String description = UnicornEngine.libraryDescription(UnicornConstants.UC_ARCH_ARM64);
        assertTrue(description != null && description.startsWith(configured + " (from " + UnicornNatives.PATH_PROPERTY
                + ") (Unicorn 2."), description);
    }

    private static byte[] gunzip(byte[] bytes) throws Exception {
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private byte[] resourceBytes(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
