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

/** The Unicorn library arrives through Maven and is the one the emulated backend loads. */
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
        // the bundled 2.0.1 serves aarch64 unless the system has a newer Unicorn, which is preferred
        String chosen = UnicornEngine.libraryDescription(arm64);
        assertTrue(chosen.startsWith("bundled natives/") && chosen.endsWith("(Unicorn 2.0.1)")
                || chosen.startsWith("system library") && !chosen.endsWith("(Unicorn 2.0.1)"), chosen);
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
    void theBundledBuildAloneEmulatesArm64ButNotX86() {
        String resource = UnicornNatives.bundledResource().orElseThrow();
        UnicornLibrary.Libraries libs = new UnicornLibrary.Libraries(() -> {
            try {
                return List.of(new UnicornNatives.Candidate(
                        UnicornNatives.extract(resource, List.of(cache)).toString(), "bundled"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(libs.forArch(UnicornConstants.UC_ARCH_ARM64).isPresent());
        assertTrue(libs.forArch(UnicornConstants.UC_ARCH_X86).isEmpty());
        assertEquals("bundled (Unicorn 2.0.1) emulates arm64", libs.tried());
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

    private byte[] resourceBytes(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
