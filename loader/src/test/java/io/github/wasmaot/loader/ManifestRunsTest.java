package io.github.wasmaot.loader;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every recorded iwasm run in manifest.json, through each backend that can run the image's ISA here: the
 * loader's stdout and exit status must equal the real iwasm's. Runs the loader cannot handle yet are aborted
 * (skipped) with the reason.
 */
class ManifestRunsTest {

    /** One recorded run of one image. */
    private record Case(AotVectors.Entry image, AotVectors.Run run) {
        String file() {
            return image.file();
        }

        @Override
        public String toString() {
            return image.file() + " " + String.join(" ", run.iwasmArgs()) + " " + String.join(" ", run.programArgs());
        }
    }

    @TestFactory
    Stream<DynamicTest> manifestRuns() {
        return runs(AotVectors.all());
    }

    /**
     * The other release families (WAMR 1.3.3, 2.3.1, main 646b5a9: ../shared/aot-vectors-releases), opt-in by
     * that folder's manifest; each image is opened with its own family's profile.
     */
    @TestFactory
    Stream<DynamicTest> releaseFamilyRuns() {
        if (!AotVectors.releasesPresent() && !"true".equals(System.getenv("CI"))) {
            return Stream.of(DynamicTest.dynamicTest("no release vectors", () ->
                    Assumptions.abort("no " + AotVectors.releasesDir().resolve("manifest.json"))));
        }
        return runs(AotVectors.releases());
    }

    private Stream<DynamicTest> runs(List<AotVectors.Entry> images) {
        List<DynamicTest> tests = new ArrayList<>();
        for (AotVectors.Entry image : images) {
            for (AotVectors.Run run : image.runs()) {
                Case c = new Case(image, run);
                for (BackendKind kind : BackendKind.values()) {
                    tests.add(DynamicTest.dynamicTest(kind + " " + c, () -> check(c, kind)));
                }
            }
        }
        return tests.stream();
    }

    private static boolean unsupported(LoaderException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("not supported by the loader") || m.contains("not implemented by the loader");
    }

    private void check(Case c, BackendKind kind) throws Exception {
        AotVectors.Run run = c.run();
        Isa isa = Isa.ofArch(c.image().isa()).orElseThrow();
        Backends.assumeAvailable(kind, isa);
        IwasmInvocation invocation;
        try {
            invocation = IwasmInvocation.parse(run.iwasmArgs(), c.file(), run.programArgs());
        } catch (IllegalArgumentException e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        if (kind == BackendKind.NATIVE && !c.image().boundsChecks()
                && run.stdout().contains("out of bounds memory access")) {
            Assumptions.abort("image relies on guard pages; the native backend cannot turn SIGSEGV into a trap");
        }
        AotModule module = AotModule.open(c.image().bytes(), c.file(), c.image().profile());
        assertEquals(isa, module.isa());
        IwasmCommand.Output out;
        try {
            out = IwasmCommand.execute(module, kind, invocation);
        } catch (LoaderException e) {
            if (unsupported(e)) {
                Assumptions.abort(e.getMessage());
            }
            throw e;
        }
        assertEquals(run.stdout(), out.stdout(), () -> "stdout of " + c);
        assertEquals(run.exit(), out.exitCode(), () -> "exit status of " + c);
    }
}
