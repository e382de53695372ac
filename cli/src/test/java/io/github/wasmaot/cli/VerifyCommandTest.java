package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code wasm-aot verify} as a CI gate over the real wamrc images; cases come from their manifest. */
class VerifyCommandTest {

    @TempDir
    Path tmp;

    static List<AotVectors.Entry> vectors() {
        return AotVectors.all();
    }

    private static String other(String profile) {
        return profile.equals("wamr-2.4") ? "legacy" : "current";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void ownRuntimeAndIsaAccept(AotVectors.Entry v) {
        CliRun r = CliRun.of("verify", "--runtime", v.profile(), "--target", v.isa(), v.path().toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(v.path() + ": accepted by " + v.profile() + " (target " + v.isa() + ")"),
                r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.contains(": error ")), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void otherPinnedRuntimeRejectsWithItsOwnText(AotVectors.Entry v) {
        CliRun r = CliRun.of("verify", "--runtime=" + other(v.profile()), "--target=" + v.isa(), v.path().toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(v.path() + ": error AOT_VERSION: "), r.out());
        assertTrue(r.out().contains("(runtime would say: \"unknown binary version\")"), r.out());
        String targetInfoText = v.targetInfoSize() == 48 ? "invalid section size" : "unexpected end";
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(v.path() + ": error TARGET_INFO_SIZE: ")
                && l.endsWith("(runtime would say: \"" + targetInfoText + "\")")), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.contains(": accepted by ")), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void foreignIsaIsRejectedWithTheLoadersTargetText(AotVectors.Entry v) {
        String foreign = v.isa().equals("x86_64") ? "aarch64" : "x86_64";
        CliRun r = CliRun.of("verify", "-r", v.profile(), "-t", foreign, v.path().toString());
        assertEquals(1, r.exitCode(), r.out());
        String expected = foreign.equals("x86_64") ? "x86_64" : "aarch64v8";
        String got = v.isa().equals("x86_64") ? "x86_64" : "aarch64v8";
        assertTrue(r.out().contains("error TARGET_MISMATCH: ")
                && r.out().contains("(runtime would say: \"invalid target type, expected " + expected + " but got "
                + got + "\")"), r.out());
    }

    @Test
    void oneBadImageAmongGoodOnesFailsTheGate() {
        List<AotVectors.Entry> legacy = vectors().stream().filter(v -> v.profile().equals("wamr-cba4c782")).toList();
        AotVectors.Entry current = vectors().stream().filter(v -> v.profile().equals("wamr-2.4")).findFirst()
                .orElseThrow();
        String[] args = new String[3 + legacy.size() + 1];
        args[0] = "verify";
        args[1] = "--runtime";
        args[2] = "legacy";
        for (int i = 0; i < legacy.size(); i++) {
            args[3 + i] = legacy.get(i).path().toString();
        }
        args[args.length - 1] = current.path().toString();
        CliRun r = CliRun.of(args);
        assertEquals(1, r.exitCode(), r.out());
        assertEquals(legacy.size(), r.out().lines().filter(l -> l.contains(": accepted by ")).count(), r.out());
        assertTrue(r.out().contains(current.path() + ": error AOT_VERSION"), r.out());
    }

    @Test
    void directoryOperandVerifiesEveryImageUnderIt() throws Exception {
        AotVectors.Entry v = vectors().get(0);
        Path dir = Files.createDirectories(tmp.resolve("images/nested"));
        Files.write(dir.resolve("a.aot"), v.bytes());
        Files.write(dir.resolve("not-an-image.txt"), new byte[] {1, 2, 3});
        CliRun r = CliRun.of("verify", "--runtime", v.profile(), tmp.resolve("images").toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.out().lines().filter(l -> l.contains(": accepted by ")).count(), r.out());
        assertTrue(r.out().contains(dir.resolve("a.aot") + ": accepted by " + v.profile()), r.out());
    }

    @Test
    void truncatedImageIsAnErrorWithOffsetNotACrash() throws Exception {
        AotVectors.Entry v = vectors().get(0);
        Path cut = tmp.resolve("cut.aot");
        Files.write(cut, Arrays.copyOf(v.bytes(), 30));
        CliRun r = CliRun.of("verify", "--runtime", v.profile(), cut.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(cut + ": error ") && l.contains(" at offset ")),
                r.out());
    }

    @Test
    void unknownRuntimeIsAUsageErrorListingTheKnownOnes() {
        CliRun r = CliRun.of("verify", "--runtime", "wamr-9.9", vectors().get(0).path().toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("wasm-aot verify: unknown runtime profile 'wamr-9.9'"), r.err());
        assertTrue(r.err().contains("; known: wamr-cba4c782 (legacy, cba4c782), wamr-1.3 (1.3), ")
                && r.err().contains("wamr-2.4 (current, 2.4)"), r.err());
    }

    @Test
    void missingFileIsAnIoError() {
        Path missing = tmp.resolve("missing.aot");
        CliRun r = CliRun.of("verify", "--runtime", "legacy", missing.toString());
        assertEquals(2, r.exitCode());
        assertEquals("wasm-aot verify: AOT image or directory not found: " + missing + System.lineSeparator(),
                r.err());
    }

    @Test
    void severalRuntimesCheckEveryImageAgainstEach() {
        AotVectors.Entry v = vectors().get(0);
        CliRun r = CliRun.of("verify", "--runtime", "legacy,current", v.path().toString());
        assertEquals(1, r.exitCode(), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.contains(": accepted by " + v.profile())).count(), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.contains(": REJECTED by ")).count(), r.out());
    }

    @Test
    void missingRuntimeOptionIsAUsageError() {
        assertEquals(2, CliRun.of("verify", vectors().get(0).path().toString()).exitCode());
    }
}
