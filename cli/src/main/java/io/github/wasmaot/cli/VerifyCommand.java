package io.github.wasmaot.cli;

import io.github.wasmaot.bundle.BundleException;
import io.github.wasmaot.bundle.BundleVerification;
import io.github.wasmaot.bundle.BundleVerifier;
import io.github.wasmaot.verifier.report.BatchVerifier;
import io.github.wasmaot.verifier.report.ReportLine;
import io.github.wasmaot.verifier.report.VerifyException;
import io.github.wasmaot.verifier.report.VerifyReport;
import io.github.wasmaot.verifier.report.VerifyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wasm-aot verify --runtime PROFILE [--target ISA] FILE.aot…}: the CI gate. Says, per image, whether
 * the pinned runtime would load it, and if not, why — with the text the runtime itself would print. The same
 * library call as the Maven plugin's {@code verify} goal ({@link BatchVerifier}).
 *
 * <p>{@code wasm-aot verify BUNDLE.tar.gz|.tgz|.zip}: checks a bundle against its {@code manifest.json}
 * ({@link BundleVerifier}); each image against the profile and ISA its manifest records, so {@code --runtime} is
 * not needed for bundles.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check AOT images against pinned WAMR runtime profiles (and a target ISA).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image is compatible (every bundle matches its manifest)",
                "1:some image is not (some bundle differs from its manifest)", "2:usage or I/O error"})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--runtime", "-r"}, paramLabel = "PROFILE", split = ",",
            description = "Pinned runtime profile or alias (legacy = wamr-cba4c782, current = wamr-2.4, ...); "
                    + "repeat or separate with commas to check against several. Required for images; bundles "
                    + "are checked against the profiles their manifest records.")
    List<String> runtimes;

    @Option(names = {"--target", "-t"}, paramLabel = "ISA",
            description = "ISA the device runs (x86_64, aarch64, ...); default: each image's own ISA.")
    String target;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "AOT images (directories: every *.aot under them)"
            + " and bundle archives (*.tar.gz, *.tgz, *.zip: every entry checked against manifest.json).")
    List<Path> operands;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> bundles = operands.stream().filter(p -> !Files.isDirectory(p) && BundleVerifier.isArchive(p))
                .toList();
        List<Path> images = operands.stream().filter(p -> !bundles.contains(p)).toList();
        try {
            boolean passed = true;
            if (!images.isEmpty()) {
                if (runtimes == null || runtimes.isEmpty()) {
                    err.println("wasm-aot verify: --runtime is required to verify AOT images (" + images.get(0)
                            + ")");
                    return WasmAotCli.EXIT_USAGE;
                }
                VerifyReport report = BatchVerifier.run(VerifyRequest.of(images, runtimes, target));
                for (ReportLine line : report.lines()) {
                    out.println(line.text());
                }
                passed = report.passed();
            }
            if (!bundles.isEmpty() && images.isEmpty() && (runtimes != null || target != null)) {
                err.println("wasm-aot verify: note: --runtime and --target do not apply to bundles; each image is"
                        + " verified against the profile and ISA its manifest records");
            }
            for (Path bundle : bundles) {
                BundleVerification v = BundleVerifier.verify(bundle);
                v.lines().forEach(out::println);
                passed &= v.passed();
            }
            return passed ? 0 : 1;
        } catch (VerifyException | BundleException e) {
            err.println("wasm-aot verify: " + e.getMessage());
            return WasmAotCli.EXIT_USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
