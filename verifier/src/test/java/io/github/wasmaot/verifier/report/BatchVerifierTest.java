package io.github.wasmaot.verifier.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.verifier.FindingCode;
import io.github.wasmaot.verifier.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BatchVerifierTest {
    static List<AotVectors.Entry> vectors() {
        return AotVectors.all();
    }

    /** A pinned profile of the manifest other than the one that made this image. */
    static String otherProfile(AotVectors.Entry v) {
        return vectors().stream().map(AotVectors.Entry::profile).filter(p -> !p.equals(v.profile())).findFirst()
                .orElseThrow(() -> new AssertionError("manifest names a single profile"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void ownProfileAccepts(AotVectors.Entry v) throws VerifyException {
        VerifyReport report = BatchVerifier.run(VerifyRequest.of(List.of(v.path()), List.of(v.profile()), v.isa()));
        assertTrue(report.passed(), report::failureMessage);
        assertEquals(new VerifyTotals(1, 1, 1, 0, 0, report.totals().warnings()), report.totals());
        assertEquals(v.profile(), report.checks().get(0).runtime());
        assertEquals(v.isa(), report.checks().get(0).result().target());
        assertEquals("", report.failureMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void otherProfileRejectsWithTheRuntimeText(AotVectors.Entry v) throws VerifyException {
        String other = otherProfile(v);
        VerifyReport report = BatchVerifier.run(VerifyRequest.of(List.of(v.path()), List.of(other), v.isa()));
        assertFalse(report.passed());
        assertEquals(1, report.rejected().size());
        ImageCheck check = report.rejected().get(0);
        assertEquals(other, check.runtime());
        assertEquals("unknown binary version", check.result().runtimeText().orElseThrow());
        String failure = report.failureMessage();
        assertTrue(failure.contains(v.path().toString()), failure);
        assertTrue(failure.contains(other), failure);
        assertTrue(failure.contains("AOT_VERSION (runtime would say: \"unknown binary version\")"), failure);
    }

    @Test
    void directoryExpandsToEveryImageSortedAgainstEveryRuntime() throws VerifyException {
        List<String> profiles = vectors().stream().map(AotVectors.Entry::profile).distinct().toList();
        VerifyReport report = BatchVerifier.run(VerifyRequest.of(List.of(AotVectors.dir()), profiles, null));
        List<Path> expected = vectors().stream().map(v -> v.path().toAbsolutePath().normalize()).sorted().toList();
        assertEquals(expected, report.images());
        assertEquals(expected.size() * profiles.size(), report.checks().size());
        assertEquals(profiles, report.runtimes());
        for (AotVectors.Entry v : vectors()) {
            List<String> acceptedBy = report.checks().stream()
                    .filter(c -> c.file().getFileName().toString().equals(v.file()) && c.accepted())
                    .map(ImageCheck::runtime).toList();
            assertEquals(List.of(v.profile()), acceptedBy, v.file());
        }
        VerifyTotals t = report.totals();
        assertEquals(expected.size(), t.accepted());
        assertEquals(expected.size() * (profiles.size() - 1), t.rejected());
        assertFalse(report.passed());
    }

    @Test
    void aliasesAndNamesOfOneProfileAreCheckedOnce() throws VerifyException {
        AotVectors.Entry v = vectors().get(0);
        VerifyReport report = BatchVerifier.run(
                VerifyRequest.of(List.of(v.path(), v.path()), List.of("legacy", "wamr-cba4c782", "LEGACY"), null));
        assertEquals(List.of("wamr-cba4c782"), report.runtimes());
        assertEquals(1, report.checks().size());
    }

    @Test
    void consoleLinesCarryFileSeverityCodeMessageAndRuntimeText() throws VerifyException {
        AotVectors.Entry v = vectors().stream().filter(e -> e.profile().equals("wamr-2.4")).findFirst().orElseThrow();
        VerifyReport report = BatchVerifier.run(VerifyRequest.of(List.of(v.path()), List.of("legacy"), v.isa()));
        ImageCheck check = report.checks().get(0);
        String expected = v.path() + ": error AOT_VERSION: " + check.result().first(FindingCode.AOT_VERSION)
                .orElseThrow().message() + " [header at offset 4] (runtime would say: \"unknown binary version\")";
        List<String> errors = report.lines().stream().filter(l -> l.level() == Severity.ERROR)
                .map(ReportLine::text).collect(Collectors.toList());
        assertEquals(expected, errors.get(0));
        assertEquals(v.path() + ": REJECTED by wamr-cba4c782 (target " + v.isa() + ")", errors.get(errors.size() - 1));
        assertTrue(report.summary().contains("0 accepted, 1 rejected"), report.summary());
    }

    @Test
    void directoriesExpandToNestedAotFilesOnlySortedAndExplicitFilesStay(@TempDir Path dir) throws Exception {
        Path nested = Files.createDirectories(dir.resolve("b"));
        Path x = Files.write(nested.resolve("x.aot"), new byte[] {1});
        Path a = Files.write(dir.resolve("a.AOT"), new byte[] {2});
        Files.write(dir.resolve("a.wasm"), new byte[] {3});
        Path explicit = Files.write(Files.createDirectories(dir.resolve("other")).resolve("image.bin"), new byte[] {4});
        VerifyReport report = BatchVerifier.run(
                new VerifyRequest(List.of(explicit, dir, x), List.of("current"), null, true));
        assertEquals(List.of(explicit, a, x), report.images());
        assertTrue(report.checks().stream().noneMatch(ImageCheck::accepted));
    }

    @Test
    void unknownProfileIsNamed() {
        AotVectors.Entry v = vectors().get(0);
        VerifyException e = assertThrows(VerifyException.class,
                () -> BatchVerifier.run(VerifyRequest.of(List.of(v.path()), List.of("current", "wamr-9.9"), null)));
        assertTrue(e.getMessage().contains("'wamr-9.9'"), e.getMessage());
        assertTrue(e.getMessage().contains("wamr-cba4c782 (legacy"), e.getMessage());
    }

    @Test
    void missingInputIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.aot");
        VerifyException e = assertThrows(VerifyException.class,
                () -> BatchVerifier.run(VerifyRequest.of(List.of(missing), List.of("current"), null)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void noImagesFailsUnlessAllowed(@TempDir Path dir) throws IOException, VerifyException {
        Files.writeString(dir.resolve("readme.txt"), "not an image");
        VerifyException e = assertThrows(VerifyException.class,
                () -> BatchVerifier.run(VerifyRequest.of(List.of(dir), List.of("current"), null)));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        VerifyReport empty = BatchVerifier.run(new VerifyRequest(List.of(dir), List.of("current"), null, false));
        assertTrue(empty.images().isEmpty());
        assertTrue(empty.passed());
    }
}
