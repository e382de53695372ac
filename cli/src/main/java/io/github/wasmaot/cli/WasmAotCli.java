package io.github.wasmaot.cli;

import java.util.Map;
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
            cl.getErr().println("wasm-aot" + command + ": " + CliErrors.describe(e));
            cl.getErr().flush();
            return EXIT_USAGE;
        }
    }
}
