package io.github.wasmaot.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.ProfileDetector;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.ElfMachine;
import io.github.wasmaot.format.testing.AotVectors;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real wamrc images of WAMR 1.3.3, 2.3.1 and main 646b5a9 read, written back and attributed to their family. */
class ReleaseVectorsTest {
    static List<AotVectors.Entry> vectors() {
        return AotVectors.releasesPresent() ? AotVectors.releases() : List.of();
    }

    @BeforeAll
    static void needsTheReleaseVectors() {
        if (!AotVectors.releasesPresent() && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("no " + AotVectors.releasesDir().resolve("manifest.json"));
        }
    }

    @Test
    void manifestCoversThreeFamiliesOnBothIsas() {
        Set<String> cells = vectors().stream().map(v -> v.profile() + "/" + v.isa()).collect(Collectors.toSet());
        assertEquals(Set.of("wamr-1.3/x86_64", "wamr-1.3/aarch64", "wamr-2.3/x86_64", "wamr-2.3/aarch64",
                "wamr-main/x86_64", "wamr-main/aarch64"), cells);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void strictReadWithOwnProfileRoundTrips(AotVectors.Entry v) throws Exception {
        RuntimeProfile own = ProfileCatalog.byNameOrAlias(v.profile()).orElseThrow();
        byte[] original = v.bytes();
        AotImage image = AotReader.read(original, v.file(), own);
        assertArrayEquals(original, AotWriter.write(image), "round trip of " + v.file());
        assertEquals(v.isa(), ElfMachine.of(image.targetInfo().eMachine()).orElseThrow().isa());
        assertEquals(image.initData().funcCount(), image.functions().functionCount());
        assertTrue(own.acceptsAotVersion(v.aotVersion()));
        assertEquals(v.targetInfoSize(), own.targetInfo().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void detectedFamilyContainsTheWriter(AotVectors.Entry v) throws Exception {
        ProfileDetector.Detection d = ProfileDetector.detect(v.bytes(), v.file());
        assertEquals(v.aotVersion(), d.aotVersion());
        assertEquals(v.targetInfoSize(), d.targetInfoSize());
        RuntimeProfile own = ProfileCatalog.byNameOrAlias(v.profile()).orElseThrow();
        assertTrue(d.family().orElseThrow().contains(own), d.describe() + " should contain " + own);
        assertArrayEquals(v.bytes(), AotWriter.write(AotReader.read(v.bytes(), v.file())));
    }
}
