package io.github.wasmaot.compiler.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.verifier.report.ImageCheck;
import io.github.wasmaot.verifier.report.VerifyReport;
import io.github.wasmaot.verifier.report.VerifyRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageVerificationTest {
    private static final Path FIB = Path.of(System.getProperty("wasmaot.repo.dir", ".."), "examples", "fib.wasm");

    @TempDir
    Path dir;

    @Test
    void compiledImagesAreCheckedAgainstTheirOwnCellOthersAgainstTheRequestedRuntimes() throws Exception {
        Path root = dir.resolve("wasm-aot");
        BatchResult compiled = BatchCompiler.compile(new BatchRequest(List.of(FIB), List.of(
                new MatrixCell("current", "x86_64"), new MatrixCell("legacy", "aarch64")), CompileOptions.of("-", "-"),
                root));
        assertEquals(2, compiled.compiled().size());
        // a current image placed by hand under the root, and one given as an extra file
        Path loose = root.resolve("loose.aot");
        Files.copy(root.resolve("wamr-2.4/x86_64/fib.aot"), loose);
        Path extra = dir.resolve("extra.aot");
        Files.copy(root.resolve("wamr-2.4/x86_64/fib.aot"), extra);

        CompiledImages images = CompiledImages.scan(root);
        assertEquals(List.of("wamr-2.4/x86_64/fib", "wamr-cba4c782/aarch64/fib"), images.filed().stream()
                .map(i -> i.profile() + "/" + i.isa() + "/" + i.name()).sorted().toList());
        assertTrue(images.filed().stream().allMatch(i -> i.stamp().isPresent()));
        assertEquals(List.of(loose), images.others());

        VerifyReport report = ImageVerification.run(images, new VerifyRequest(List.of(extra), List.of("legacy"),
                null, false));
        Map<String, Boolean> accepted = report.checks().stream().collect(Collectors.toMap(
                c -> dir.relativize(c.file()) + " on " + c.runtime(), ImageCheck::accepted));
        assertEquals(Map.of(
                "extra.aot on wamr-cba4c782", false,
                "wasm-aot/loose.aot on wamr-cba4c782", false,
                "wasm-aot/wamr-2.4/x86_64/fib.aot on wamr-2.4", true,
                "wasm-aot/wamr-cba4c782/aarch64/fib.aot on wamr-cba4c782", true), accepted);
        assertEquals(List.of("wamr-cba4c782", "wamr-2.4"), report.runtimes());
        assertFalse(report.passed());
        assertEquals(4, report.images().size());
    }

    @Test
    void onlyCompiledImagesAllAcceptedPass() throws Exception {
        Path root = dir.resolve("wasm-aot");
        BatchCompiler.compile(new BatchRequest(List.of(FIB), MatrixCell.product(List.of("legacy", "current"),
                List.of("x86_64", "aarch64")), CompileOptions.of("-", "-"), root));
        VerifyReport report = ImageVerification.run(CompiledImages.scan(root), new VerifyRequest(List.of(),
                List.of("current"), null, false));
        assertTrue(report.passed(), report.failureMessage());
        assertEquals(4, report.checks().size());
    }

    @Test
    void aMissingRootHoldsNoImages() throws Exception {
        assertTrue(CompiledImages.scan(dir.resolve("none")).isEmpty());
        VerifyReport report = ImageVerification.run(CompiledImages.scan(dir.resolve("none")), new VerifyRequest(
                List.of(), List.of("current"), null, false));
        assertTrue(report.images().isEmpty());
        assertEquals(List.of("wamr-2.4"), report.runtimes());
    }
}
