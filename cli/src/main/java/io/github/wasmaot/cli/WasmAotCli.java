package io.github.wasmaot.cli;

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

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new WasmAotCli());
        cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        // run --invoke NAME -1 4294967295 FILE.aot: negative numbers are arguments, not options
        cl.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
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
