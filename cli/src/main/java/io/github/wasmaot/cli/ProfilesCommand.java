package io.github.wasmaot.cli;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.profile.WamrSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wasm-aot profiles [PROFILE…]}: the runtime profiles this build knows, each with the WAMR releases or commit
 * it covers, its aliases, the AOT version it writes and those its loader takes, the target-info size, the ISAs it
 * compiles for and verifies, and what of ours ran on its real runtime. All of it is read from the profile data.
 */
@Command(name = "profiles",
        mixinStandardHelpOptions = true,
        description = "List the runtime profiles: WAMR releases, AOT version, ISAs, and how each was judged.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:unknown profile"})
final class ProfilesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PROFILE",
            description = "Profiles to show, by name or alias (wamr-2.4, current, 2.3, WAMR-1.3.3, …); default: all.")
    List<String> names = List.of();

    @Override
    public Integer call() {
        List<RuntimeProfile> profiles = new ArrayList<>();
        for (String n : names) {
            Optional<RuntimeProfile> p = ProfileCatalog.byNameOrAlias(n);
            if (p.isEmpty()) {
                spec.commandLine().getErr().println("wasm-aot profiles: " + ProfileCatalog.unknownProfileMessage(n));
                return WasmAotCli.EXIT_USAGE;
            }
            profiles.add(p.get());
        }
        if (profiles.isEmpty()) {
            profiles.addAll(ProfileCatalog.all());
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean first = true;
        for (RuntimeProfile p : profiles) {
            if (!first) {
                out.println();
            }
            first = false;
            print(out, p);
        }
        return 0;
    }

    private static void print(PrintWriter out, RuntimeProfile p) {
        WamrSource w = p.wamr();
        out.println(p.name() + (p.aliases().isEmpty() ? "" : "  (aliases: " + String.join(", ", p.aliases()) + ")"));
        out.println("  WAMR:        " + (w.releases().isEmpty() ? "commit " + w.commit() : String.join(", ", w.releases()))
                + " (source " + w.sourceCommit() + ", " + w.date() + ")");
        out.println("  AOT:         writes version " + p.aotVersion() + ", loads " + p.acceptedAotVersionsLabel()
                + "; target info " + p.targetInfo().size() + " bytes");
        TreeSet<String> compiles = new TreeSet<>();
        p.codegen().ifPresent(c -> compiles.addAll(c.isas().keySet()));
        TreeSet<String> verifies = new TreeSet<>();
        p.loaderFacts().ifPresent(f -> verifies.addAll(f.isas().keySet()));
        out.println("  compile for: " + (compiles.isEmpty() ? "-" : String.join(", ", compiles)));
        out.println("  verify for:  " + (verifies.isEmpty() ? "-" : String.join(", ", verifies)));
        out.println("  layouts:     " + p.verified());
        if (p.judged().isEmpty()) {
            out.println("  judged:      not yet on its real runtime");
        } else {
            out.println("  judged:");
            p.judged().forEach(j -> out.println("    - " + j));
        }
        p.definition().excludedReleases().forEach((release, why) -> out.println("  excluded:    " + release + ": "
                + why));
    }
}
