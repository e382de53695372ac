package io.github.wasmaot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.summary.ExportSummary;
import io.github.wasmaot.format.summary.FunctionSummary;
import io.github.wasmaot.format.summary.ImageSummary;
import io.github.wasmaot.format.summary.ImportSummary;
import io.github.wasmaot.format.summary.RelocationGroupSummary;
import io.github.wasmaot.format.summary.SectionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code wasm-aot inspect [--json] FILE.aot…}: who wrote an image, for which ISA, and what is in it. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Show an AOT image's profile family, ISA, sections, functions, exports, imports and relocations.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image was read", "1:an image is malformed", "2:usage or I/O error"})
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per image instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE.aot", description = "AOT images (directories: every *.aot under them).")
    List<Path> operands;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        return FileBatch.run(spec, operands, ".aot", (file, bytes) -> {
            try {
                ImageSummary summary = ImageSummary.inspect(bytes, file.toString());
                if (json) {
                    out.println(mapper.writeValueAsString(summary));
                } else {
                    printText(out, summary);
                }
                return true;
            } catch (AotFormatException e) {
                err.println(e.getMessage()
                        + e.runtimeText().map(t -> " (runtime would say: \"" + t + "\")").orElse(""));
                return false;
            }
        });
    }

    private static void printText(PrintWriter out, ImageSummary s) {
        out.printf("%s: WAMR AOT version %d, %d bytes%n", s.fileName(), s.aotVersion(), s.size());
        out.printf("  written for: %s (profile %s)%n", s.family(), s.profile());
        out.printf("  ISA:         %s (arch \"%s\", %s-bit, bin type %d)%n", s.isa(), s.arch(),
                s.is64Bit() ? "64" : "32", s.binType());
        if (s.featureFlags() != null) {
            out.printf("  features:    0x%x%n", s.featureFlags());
        }
        out.printf("  sections (%d):%n", s.sections().size());
        for (SectionSummary sec : s.sections()) {
            out.printf("    %-12s id %-3d at 0x%06x, %d bytes%n", sec.name(), sec.id(), sec.headerOffset(), sec.size());
        }
        out.printf("  functions (%d):%n", s.functions().size());
        for (FunctionSummary f : s.functions()) {
            out.printf("    func[%d] type %d %s at text+0x%x%n", f.functionIndex(), f.typeIndex(), f.signature(),
                    f.textOffset());
        }
        out.printf("  exports (%d):%n", s.exports().size());
        for (ExportSummary e : s.exports()) {
            out.printf("    %s %s -> %d%n", e.kind(), quote(e.name()), e.index());
        }
        out.printf("  imports (%d):%n", s.imports().size());
        for (ImportSummary i : s.imports()) {
            out.printf("    %s %s.%s %s%n", i.kind(), quote(i.module()), quote(i.name()), i.type());
        }
        out.printf("  relocations (%d groups):%n", s.relocations().size());
        for (RelocationGroupSummary g : s.relocations()) {
            out.printf("    %s: %d (%s)%n", g.group(), g.count(), kinds(g.byKind()));
        }
        if (!s.objectDataSections().isEmpty()) {
            out.printf("  object data: %s%n", String.join(", ", s.objectDataSections()));
        }
    }

    private static String kinds(Map<String, Integer> byKind) {
        return byKind.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
