package io.github.wasmaot.format;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.ProfileDetector;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.ElfMachine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
    static List<AotVectors.Entry> vectors() {
        return AotVectors.all();
    }

    @Test
    void manifestListsVectorsOfBothPinnedProfiles() {
        assertTrue(vectors().size() >= 40, "manifest lists " + vectors().size() + " images");
        assertTrue(vectors().stream().anyMatch(v -> v.profile().equals("wamr-cba4c782")));
        assertTrue(vectors().stream().anyMatch(v -> v.profile().equals("wamr-2.4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void readThenWriteIsByteIdentical(AotVectors.Entry v) throws Exception {
        byte[] original = v.bytes();
        AotImage image = AotReader.read(original, v.file());
        assertArrayEquals(original, AotWriter.write(image), "round trip of " + v.file());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void strictReadWithOwnProfileRoundTrips(AotVectors.Entry v) throws Exception {
        RuntimeProfile own = ProfileCatalog.byNameOrAlias(v.profile()).orElseThrow();
        byte[] original = v.bytes();
        assertArrayEquals(original, AotWriter.write(AotReader.read(original, v.file(), own)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void detectedFamilyAndIsaMatchManifest(AotVectors.Entry v) throws Exception {
        byte[] bytes = v.bytes();
        ProfileDetector.Detection d = ProfileDetector.detect(bytes, v.file());
        assertEquals(v.aotVersion(), d.aotVersion());
        assertEquals(v.targetInfoSize(), d.targetInfoSize());
        RuntimeProfile own = ProfileCatalog.byNameOrAlias(v.profile()).orElseThrow();
        assertTrue(d.family().orElseThrow().contains(own), d.describe() + " should contain " + own);
        AotImage image = AotReader.read(bytes, v.file());
        assertEquals(v.isa(), ElfMachine.of(image.targetInfo().eMachine()).orElseThrow().isa());
        assertEquals(image.initData().funcCount(), image.functions().functionCount());
    }
}
