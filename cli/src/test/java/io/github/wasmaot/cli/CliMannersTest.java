package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --help everywhere, unknown options named, and no stack trace for any input. */
class CliMannersTest {
    private static final Path VECTORS = Paths.get(System.getProperty("wasmaot.shared.dir", "../../shared"))
            .resolve("aot-vectors");
    private static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    @Test
    void helpOnEveryCommandExitsZeroWithThatCommandsUsage() {
        for (String command : List.of("compile", "inspect", "verify", "validate", "run", "size", "profiles")) {
            for (String help : List.of("--help", "-h")) {
                CliRun r = CliRun.of(command, help);
                assertEquals(0, r.exitCode(), command + " " + help + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: wasm-aot " + command + " "), r.out());
                assertEquals("", r.err());
            }
        }
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.exitCode());
        assertTrue(top.out().startsWith("Usage: wasm-aot "), top.out());
        CliRun help = CliRun.of("help", "verify");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: wasm-aot verify "), help.out());
    }

    @Test
    void aVerbSetUpAloneBehavesAsInTheWholeCommandLine() {
        // `wasm-aot VERB …` builds a root with that verb only (start-up); `wasm-aot help VERB` builds them all
        for (String command : List.of("compile", "inspect", "verify", "validate", "run", "size", "profiles")) {
            CliRun alone = CliRun.of(command, "--help");
            CliRun whole = CliRun.of("help", command);
            assertEquals(0, whole.exitCode(), whole.err());
            assertEquals(whole.out(), alone.out(), command);
            CliRun version = CliRun.of(command, "--version");
            assertEquals(0, version.exitCode(), version.err());
            assertEquals(CliRun.of("--version").out(), version.out(), command);
        }
    }

    @Test
    void helpWinsOverMissingOperands() {
        CliRun r = CliRun.of("run", "--invoke", "add", "--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: wasm-aot run "), r.out());
    }

    @Test
    void mistypedOptionsAreNamedWithTheClosestSpelling() {
        String aot = VECTORS.resolve("add.wamr-cba4c782.x86_64.aot").toString();
        assertUnknown("wasm-aot run: unknown option --runtme (did you mean --runtime?)",
                "run", "--runtme", "legacy", aot);
        assertUnknown("wasm-aot run: unknown option --emulat (did you mean --emulate?)", "run", "--emulat", aot);
        assertUnknown("wasm-aot run: unknown option --invok (did you mean --invoke?)",
                "run", "--invok", "add", "1", "2", aot);
        assertUnknown("wasm-aot run: unknown option --emulat (did you mean --emulate?)",
                "run", "--invoke", "add", "1", "2", aot, "--emulat");
        assertUnknown("wasm-aot verify: unknown option --runtme (did you mean --runtime?)",
                "verify", "--runtme", "legacy", aot);
        assertUnknown("wasm-aot verify: unknown option --tagret (did you mean --target?)",
                "verify", "--runtime", "legacy", "--tagret", "x86_64", aot);
        assertUnknown("wasm-aot compile: unknown option --opt-levl (did you mean --opt-level?)",
                "compile", "--runtime", "legacy", "--target", "x86_64", "--opt-levl=2", "-o",
                tmp.resolve("x.aot").toString(), VECTORS.resolve("add.wasm").toString());
        assertUnknown("wasm-aot inspect: unknown option --jsn (did you mean --json?)", "inspect", "--jsn", aot);
        assertUnknown("wasm-aot validate: unknown option --frobnicate (see 'wasm-aot validate --help')",
                "validate", "--frobnicate", aot);
        assertUnknown("wasm-aot: unknown command 'verfy' (did you mean verify?)", "verfy", aot);
        assertFalse(Files.exists(tmp.resolve("x.aot")));
    }

    private static void assertUnknown(String line, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
        assertEquals(line + NL, r.err(), String.join(" ", args));
        assertEquals("", r.out());
    }

    @Test
    void negativeNumbersAndProgramArgumentsAreNoOptions() {
        // an aarch64 image: the emulator that comes with the loader runs it on every machine
        String aot = VECTORS.resolve("add.wamr-cba4c782.aarch64.aot").toString();
        CliRun r = CliRun.of("run", "--emulate", "--invoke", "add", "-1", "-2", aot);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("0xfffffffd:i32" + NL, r.out());
        // after FILE.aot, words are the program's, dashes or not: the loader gets them (and add has no _start)
        CliRun program = CliRun.of("run", "--emulate", aot, "--verbose");
        assertFalse(program.err().contains("unknown option"), program.err());
    }

    @Test
    void missingOperandsAreOneLineUsageErrors() {
        CliRun r = CliRun.of("verify", "x.aot");
        assertEquals(2, r.exitCode());
        // --runtime is optional for bundles (they record their profiles), required for plain images
        assertEquals("wasm-aot verify: --runtime is required to verify AOT images (x.aot)" + NL, r.err());
    }

    @Test
    void suggestionsNeedToBeClose() {
        Set<String> options = Set.of("--runtime", "--target", "--json", "-o", "--output");
        assertEquals("--runtime", CliErrors.suggestion("--runtme", options).orElseThrow());
        assertEquals("--runtime", CliErrors.suggestion("--rutnime", options).orElseThrow());
        assertEquals("--output", CliErrors.suggestion("--out", options).orElseThrow());
        assertTrue(CliErrors.suggestion("--frobnicate", options).isEmpty());
        assertTrue(CliErrors.suggestion("--x", options).isEmpty());
        assertTrue(CliErrors.looksLikeOption("--runtme"));
        assertTrue(CliErrors.looksLikeOption("-x"));
        for (String number : List.of("-1", "-0.5", "-.5", "-0x1p3", "-inf", "-nan", "-nan:0x200000", "-", "4")) {
            assertFalse(CliErrors.looksLikeOption(number), number);
        }
    }

    @Test
    void versionOnEveryCommand() {
        for (String command : List.of("compile", "inspect", "verify", "validate", "run")) {
            CliRun r = CliRun.of(command, "--version");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("wasm-aot 0.1.0-SNAPSHOT" + NL, r.out(), command);
        }
    }

    @Test
    void anUnwritableOutputIsOneClearLine() {
        Path missingDir = Path.of("/proc/no-such-dir/x.aot");
        CliRun r = CliRun.of("compile", "--runtime", "legacy", "--target", "x86_64", "-o", missingDir.toString(),
                VECTORS.resolve("add.wasm").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("wasm-aot compile: cannot write /proc/no-such-dir/x.aot: no such file or directory: "
                + "/proc/no-such-dir" + NL, r.err());
    }

    /** Garbage of every kind, given to every command: never a stack trace, always a documented exit code. */
    @Test
    void garbageInputsNeverShowAStackTrace() throws Exception {
        List<Path> inputs = garbage();
        Path out = tmp.resolve("out.aot");
        for (Path in : inputs) {
            String f = in.toString();
            check(Set.of(0, 1, 2), "validate", f);
            check(Set.of(0, 1, 2), "inspect", f);
            check(Set.of(0, 1, 2), "inspect", "--json", f);
            check(Set.of(0, 1, 2), "verify", "--runtime", "legacy,current", f);
            check(Set.of(0, 1, 2), "compile", "--runtime", "current", "--target", "x86_64", "--opt-level", "0",
                    "-o", out.toString(), f);
            if (!in.getFileName().toString().startsWith("flip")) {
                // flipped bits in real code may run anywhere: only images that cannot load go to run
                check(Set.of(2), "run", "--emulate", f);
                check(Set.of(2), "run", "--emulate", "--invoke", "add", "1", "2", f);
            }
        }
    }

    private static void check(Set<Integer> codes, String... args) {
        CliRun r = CliRun.of(args);
        String what = String.join(" ", args) + " -> " + r.exitCode() + "\n" + r.err();
        assertTrue(codes.contains(r.exitCode()), what);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread")
                || r.err().contains("java.lang.") || r.out().contains("\tat "), what);
        for (String line : r.err().split("\\R")) {
            assertTrue(line.isEmpty() || line.startsWith("wasm-aot ") || line.startsWith(args[args.length - 1])
                    || line.startsWith(Path.of(args[args.length - 1]).getFileName().toString()), what);
        }
    }

    private List<Path> garbage() throws Exception {
        Random random = new Random(11);
        List<Path> files = new ArrayList<>();
        files.add(Files.write(tmp.resolve("empty"), new byte[0]));
        files.add(Files.createDirectory(tmp.resolve("emptydir")));
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        files.add(Files.write(tmp.resolve("noise"), noise));
        byte[] wasmNoise = Arrays.copyOf(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, 300);
        byte[] aotNoise = Arrays.copyOf(new byte[] {0, 'a', 'o', 't', 3, 0, 0, 0}, 300);
        for (int i = 0; i < 8; i++) {
            for (int j = 8; j < 300; j++) {
                wasmNoise[j] = (byte) random.nextInt();
                aotNoise[j] = (byte) random.nextInt();
            }
            files.add(Files.write(tmp.resolve("wasmnoise" + i), wasmNoise));
            files.add(Files.write(tmp.resolve("aotnoise" + i), aotNoise));
        }
        for (String name : List.of("add.wasm", "features.wasm", "add.wamr-cba4c782.x86_64.aot",
                "features.wamr-2.4.x86_64.aot")) {
            byte[] real = Files.readAllBytes(VECTORS.resolve(name));
            for (int cut : new int[] {1, 8, 9, real.length / 3, real.length / 2, real.length - 1}) {
                files.add(Files.write(tmp.resolve("cut" + cut + "-" + name), Arrays.copyOf(real, cut)));
            }
            for (int i = 0; i < 12; i++) {
                byte[] flipped = real.clone();
                for (int k = 0; k < 3; k++) {
                    flipped[8 + random.nextInt(real.length - 8)] ^= (byte) (1 << random.nextInt(8));
                }
                files.add(Files.write(tmp.resolve("flip" + i + "-" + name), flipped));
            }
        }
        return files;
    }
}
