package io.github.wasmaot.verifier;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerifierVectorTest {
    static List<AotVectors.Entry> vectors() {
        return AotVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void acceptedByOwnProfileAndIsa(AotVectors.Entry v) {
        RuntimeProfile own = TestProfiles.withFacts(v.profile());
        VerificationResult r = Verifier.verify(v.bytes(), v.file(), own, Target.of(v.isa()));
        assertTrue(r.accepted(), () -> "errors: " + r.errors());
        assertFalse(r.has(FindingCode.LOADER_FACTS_MISSING));
        VerificationResult own2 = Verifier.verify(v.bytes(), v.file(), own, null);
        assertTrue(own2.accepted(), () -> "errors (image's own ISA): " + own2.errors());
        String family = r.first(FindingCode.PROFILE_FAMILY).orElseThrow().message();
        assertTrue(family.contains(v.profile()), family);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectedByTheOtherPinnedProfileWithTheVersionReason(AotVectors.Entry v) {
        RuntimeProfile other = TestProfiles.withFacts(TestProfiles.other(v.profile()));
        VerificationResult r = Verifier.verify(v.bytes(), v.file(), other, Target.of(v.isa()));
        assertFalse(r.accepted());
        Finding f = r.errors().get(0);
        assertEquals(FindingCode.AOT_VERSION, f.code());
        assertEquals("unknown binary version", f.runtimeText());
        assertEquals(4, f.offset());
        assertTrue(f.message().contains(v.profile()), f.message());
        String releases = ProfileCatalog.byNameOrAlias(v.profile()).orElseThrow().releasesLabel();
        assertTrue(f.message().contains(releases), f.message() + " should name " + releases);
    }

    /**
     * Behind the version wall stands the target-info layout: 2.4 images carry 48 bytes, which cba4c782's
     * loader refuses with "invalid section size" (aot_loader.c at cba4c782); legacy images carry 36, on which
     * 2.4.4's loader runs off the end ("unexpected end").
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectedByTheOtherPinnedProfileWithTheTargetInfoReason(AotVectors.Entry v) {
        RuntimeProfile other = TestProfiles.withFacts(TestProfiles.other(v.profile()));
        VerificationResult r = Verifier.verify(v.bytes(), v.file(), other, Target.of(v.isa()));
        Finding f = r.first(FindingCode.TARGET_INFO_SIZE).orElseThrow(() -> new AssertionError(r.findings()));
        assertTrue(f.isError());
        assertEquals(12, f.offset());
        String expected = v.targetInfoSize() == 48 ? "invalid section size" : "unexpected end";
        assertEquals(expected, f.runtimeText());
        assertTrue(f.message().contains(v.targetInfoSize() + " bytes"), f.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void rejectedForAForeignIsaWithTheRuntimeText(AotVectors.Entry v) {
        RuntimeProfile own = TestProfiles.withFacts(v.profile());
        String foreign = v.isa().equals("x86_64") ? "aarch64" : "x86_64";
        VerificationResult r = Verifier.verify(v.bytes(), v.file(), own, Target.of(foreign));
        Finding f = r.errors().get(0);
        assertEquals(FindingCode.TARGET_MISMATCH, f.code());
        String expected = foreign.equals("x86_64") ? "x86_64" : "aarch64v8";
        String got = v.isa().equals("x86_64") ? "x86_64" : "aarch64v8";
        assertEquals("invalid target type, expected " + expected + " but got " + got, f.runtimeText());
    }
}
