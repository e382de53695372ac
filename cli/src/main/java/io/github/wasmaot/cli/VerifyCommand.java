package io.github.wasmaot.cli;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.verifier.Finding;
import io.github.wasmaot.verifier.Target;
import io.github.wasmaot.verifier.VerificationResult;
import io.github.wasmaot.verifier.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code wasm-aot verify --runtime PROFILE [--target ISA] FILE.aot…}: the CI gate. Says, per image, whether
 * the pinned runtime would load it, and if not, why — with the text the runtime itself would print.
 */
@Command(name = "verify",
        description = "Check AOT images against a pinned WAMR runtime profile (and target ISA).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image is compatible", "1:some image is not", "2:usage or I/O error"})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"--runtime", "-r"}, required = true, paramLabel = "PROFILE",
            description = "Pinned runtime profile or alias (legacy = wamr-cba4c782, current = wamr-2.4, ...).")
    String runtime;

    @Option(names = {"--target", "-t"}, paramLabel = "ISA",
            description = "ISA the device runs (x86_64, aarch64, ...); default: the image's own ISA.")
    String target;

    @Parameters(arity = "1..*", paramLabel = "FILE.aot", description = "AOT images (directories: every *.aot under them).")
    List<Path> operands;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<RuntimeProfile> profile = ProfileCatalog.byNameOrAlias(runtime);
        if (profile.isEmpty()) {
            err.println("wasm-aot verify: unknown runtime profile '" + runtime + "'; known: " + knownProfiles());
            return WasmAotCli.EXIT_USAGE;
        }
        Target isa = target == null ? null : Target.of(target);
        PrintWriter out = spec.commandLine().getOut();
        return FileBatch.run(spec, operands, ".aot", (file, bytes) -> {
            VerificationResult result = Verifier.verify(bytes, file.toString(), profile.get(), isa);
            for (Finding f : result.findings()) {
                out.println(line(file, f));
            }
            if (result.accepted()) {
                out.printf("%s: ok (loads on %s, %s)%n", file, result.profile(),
                        isa == null ? "its own ISA" : isa.isa());
            }
            return result.accepted();
        });
    }

    /** {@code FILE: <severity> <code>: <message> (runtime would say: "...")}. */
    static String line(Path file, Finding f) {
        String where = f.offset() >= 0 ? " [" + f.section() + " at offset " + f.offset() + "]" : " [" + f.section() + "]";
        String says = f.runtimeText() == null ? "" : " (runtime would say: \"" + f.runtimeText() + "\")";
        return file + ": " + f.severity().name().toLowerCase() + " " + f.code().name() + ": " + f.message() + where
                + says;
    }

    private static String knownProfiles() {
        return ProfileCatalog.all().stream()
                .map(p -> p.aliases().isEmpty() ? p.name() : p.name() + " (" + String.join(", ", p.aliases()) + ")")
                .collect(Collectors.joining(", "));
    }
}
