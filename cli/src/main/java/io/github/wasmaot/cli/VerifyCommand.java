package io.github.wasmaot.cli;

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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code wasm-aot verify --runtime PROFILE [--target ISA] FILE.aot…}: the CI gate. Says, per image, whether
 * the pinned runtime would load it, and if not, why — with the text the runtime itself would print. The same
 * library call as the Maven plugin's {@code verify} goal ({@link BatchVerifier}).
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check AOT images against pinned WAMR runtime profiles (and a target ISA).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image is compatible", "1:some image is not", "2:usage or I/O error"})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--runtime", "-r"}, required = true, paramLabel = "PROFILE", split = ",",
            description = "Pinned runtime profile or alias (legacy = wamr-cba4c782, current = wamr-2.4, ...); "
                    + "repeat or separate with commas to check against several.")
    List<String> runtimes;

    @Option(names = {"--target", "-t"}, paramLabel = "ISA",
            description = "ISA the device runs (x86_64, aarch64, ...); default: each image's own ISA.")
    String target;

    @Parameters(arity = "1..*", paramLabel = "FILE.aot", description = "AOT images (directories: every *.aot under them).")
    List<Path> operands;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            VerifyReport report = BatchVerifier.run(VerifyRequest.of(operands, runtimes, target));
            for (ReportLine line : report.lines()) {
                out.println(line.text());
            }
            return report.passed() ? 0 : 1;
        } catch (VerifyException e) {
            err.println("wasm-aot verify: " + e.getMessage());
            return WasmAotCli.EXIT_USAGE;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
