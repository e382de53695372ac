package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * {@link RunArgs#parsePlain} (the start-up path of {@code run}) against picocli's parse of the same command line:
 * every line it takes must give exactly the options picocli gives, and every line it declines goes to picocli.
 */
class RunArgsTest {

    /** Lines the plain parser must take (the ones scripts, the README and the benches send). */
    private static final List<String> PLAIN = List.of(
            "run --invoke fib 1 fib.aot",
            "run --invoke=add 2 3 add.aot",
            "run --native --invoke add 2 3 add.aot",
            "run --emulate --verbose hello.aot a b c",
            "run prog.aot",
            "run prog.aot x y --dir .",
            "run --dir . --dir=/tmp --map-dir guest::/host --map-dir=/a::/b prog.aot",
            "run --env A=1 --env=B=2=3 prog.aot",
            "run --heap-size 0 prog.aot",
            "run --heap-size=65536 prog.aot",
            "run --heap-size 999999999999999999 prog.aot",
            "run --runtime legacy --timeout 2.5 --invoke f f.aot",
            "run --timeout=1 prog.aot",
            "run prog.aot -- x y",
            "run -- prog.aot x",
            "run --invoke f 1 -- f.aot",
            "run --verbose --native --emulate x.aot",
            "run x.aot --invoke f",
            "run a=b.aot c=d",
            "run x.aot --");

    /** Lines it must leave to picocli (help, errors, negative numbers, anything not plain). */
    private static final List<String> DECLINED = List.of(
            "run", "run --help", "run -h", "run --version", "run -V",
            "run --invoke f -1 f.aot", "run --invoke f f.aot -1",
            "run --invoke", "run --invoke --native f.aot", "run --invoke= f.aot",
            "run --invoke f --invoke g x.aot", "run --runtime a --runtime b x.aot",
            "run --native --native x.aot", "run --emulate=true x.aot", "run --verbose=false x.aot",
            "run --heap-size 0x10 x.aot", "run --heap-size 010 x.aot", "run --heap-size -1 x.aot",
            "run --heap-size 99999999999999999999 x.aot", "run --heap-size=+5 x.aot",
            "run --runtme legacy x.aot", "run --inv f x.aot", "run -invoke f x.aot",
            "run @args.txt", "run x.aot @more", "run prog.aot -- --flag", "run -- -x.aot",
            "run --dir", "run --dir= x.aot", "run --env -x x.aot", "run --");

    @TestFactory
    Stream<DynamicTest> plainLinesParseAsPicocliParsesThem() {
        return PLAIN.stream().map(line -> DynamicTest.dynamicTest(line, () -> {
            String[] args = line.split(" ");
            Optional<RunArgs> plain = RunArgs.parsePlain(args, 1);
            assertTrue(plain.isPresent(), "the plain parser declined " + line);
            assertEquals(picocli(args), plain.get());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everythingElseGoesToPicocli() {
        return DECLINED.stream().map(line -> DynamicTest.dynamicTest(line,
                () -> assertEquals(Optional.empty(), RunArgs.parsePlain(line.split(" "), 1))));
    }

    /** What picocli parses, set up as {@link WasmAotCli#run} sets up a {@code run} command line. */
    private static RunArgs picocli(String[] args) {
        RunCommand run = new RunCommand();
        CommandLine cl = new CommandLine(new WasmAotCli.Root()).addSubcommand(run);
        cl.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        cl.parseArgs(args);
        return run.args();
    }
}
