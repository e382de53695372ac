package io.github.wasmaot.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./wasm-aot}: dispatches to one subcommand per verb. */
@Command(name = "wasm-aot",
        mixinStandardHelpOptions = true,
        version = WasmAotCli.VERSION,
        description = "Compile, inspect and verify WebAssembly AOT images for pinned WAMR runtimes.",
        subcommands = {CommandLine.HelpCommand.class, InspectCommand.class, VerifyCommand.class, ValidateCommand.class, RunCommand.class, SizeCommand.class,
            CompileCommand.class, ProfilesCommand.class})
public final class WasmAotCli {

    /** What {@code --version} prints, on every command. */
    static final String VERSION = "wasm-aot 0.1.0-SNAPSHOT";

    /** Exit code for usage or I/O errors, shared by every subcommand. */
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * The verbs that can be set up alone: picocli builds the model of every subcommand it is given (reflection over
     * each one's options, in the interpreter at that point of start-up), so a command line that starts with one of
     * these gets a root with that subcommand only ({@link Root}); anything else (no verb, {@code help}, a root
     * option, an unknown word) gets the whole command line, whose usage and messages list every verb.
     */
    private static final Map<String, Supplier<Object>> VERBS = Map.of(
            "inspect", InspectCommand::new, "verify", VerifyCommand::new, "validate", ValidateCommand::new,
            "run", RunCommand::new, "size", SizeCommand::new, "compile", CompileCommand::new,
            "profiles", ProfilesCommand::new);

    /** The root of a command line set up for one verb: {@link WasmAotCli}'s command without its subcommands. */
    @Command(name = "wasm-aot",
            mixinStandardHelpOptions = true,
            version = WasmAotCli.VERSION,
            description = "Compile, inspect and verify WebAssembly AOT images for pinned WAMR runtimes.")
    static final class Root {
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        if (args.length > 0 && args[0].equals("run")) {
            Optional<RunArgs> plain = RunArgs.parsePlain(args, 1);
            if (plain.isPresent()) {
                return runPlain(plain.get());
            }
        }
        Supplier<Object> verb = args.length > 0 ? VERBS.get(args[0]) : null;
        CommandLine cl = verb == null ? new CommandLine(new WasmAotCli())
                : new CommandLine(new Root()).addSubcommand(verb.get());
        cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        // run --invoke NAME -1 4294967295 FILE.aot: negative numbers are arguments, not options
        if (cl.getSubcommands().containsKey("run")) {
            cl.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        }
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(VERSION));
        cl.setParameterExceptionHandler(CliErrors::parameterError);
        cl.setExecutionExceptionHandler(CliErrors::executionError);
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            // what picocli does not hand to the execution handler (errors such as a stack overflow)
            String command = args.length > 0 && cl.getSubcommands().containsKey(args[0]) ? " " + args[0] : "";
            return CliErrors.unexpected(cl.getErr(), "wasm-aot" + command, e);
        }
    }

    /**
     * {@code run} without picocli, for a command line {@link RunArgs#parsePlain} read (start-up, issue #15): the
     * same body, writers and failure line as picocli's execution of {@link RunCommand} would give.
     */
    private static int runPlain(RunArgs args) {
        PrintWriter out = writer(System.out, "sun.stdout.encoding");
        PrintWriter err = writer(System.err, "sun.stderr.encoding");
        try {
            return RunCommand.execute(args, out, err, word -> {
                throw new IllegalStateException("a plain command line has no option-like word: " + word);
            });
        } catch (RuntimeException | Error e) {
            return CliErrors.unexpected(err, "wasm-aot run", e);
        }
    }

    /** What picocli writes {@code stream} through: buffered, flushed on each line, in the stream's encoding. */
    private static PrintWriter writer(PrintStream stream, String encodingProperty) {
        String name = System.getProperty(encodingProperty);
        Charset charset = Charset.defaultCharset();
        try {
            charset = name == null ? charset : Charset.forName(name.equalsIgnoreCase("cp65001") ? "UTF-8" : name);
        } catch (IllegalArgumentException e) {
            // an unknown or illegal name: the default, as picocli does
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
