package io.github.wasmaot.cprograms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * One WASI C program from {@code wasi-programs/} on the test classpath: its source, arguments, {@code --env}
 * entries and stdin ({@code wasi-programs/programs.properties}), and what the REAL iwasm did with it
 * ({@code wasi-programs/expected/<iwasm version>/<name>.stdout|.stderr|.exit|.tree}, recorded by
 * {@code WasiProgramsJudgeTest} with {@code WASM_AOT_WASI_RECORD} set; see that class for the command).
 */
public record WasiProgram(String name, List<String> args, List<String> env, byte[] stdin, String source,
                          List<String> sources) {
    private static final String DIR = "wasi-programs/";

    /** What one iwasm printed, how it exited and what the sandbox held afterwards ({@link WasiFixture#tree}). */
    public record Outcome(String stdout, String stderr, int exit, String tree) {
    }

    public static List<WasiProgram> all() {
        Properties index = new Properties();
        try (InputStream in = resource(DIR + "programs.properties")) {
            index.load(in);
            TreeSet<String> names = new TreeSet<>();
            for (String key : index.stringPropertyNames()) {
                names.add(key.substring(0, key.indexOf('.')));
            }
            List<WasiProgram> programs = new ArrayList<>();
            for (String name : names) {
                byte[] stdin = new byte[0];
                String stdinFile = index.getProperty(name + ".stdin", "").trim();
                if (!stdinFile.isEmpty()) {
                    try (InputStream s = resource(DIR + stdinFile)) {
                        stdin = s.readAllBytes();
                    }
                }
                try (InputStream src = resource(DIR + name + ".c")) {
                    programs.add(new WasiProgram(name, words(index.getProperty(name + ".args", "")),
                            words(index.getProperty(name + ".env", "")), stdin,
                            new String(src.readAllBytes(), StandardCharsets.UTF_8),
                            words(index.getProperty(name + ".sources", ""))));
                }
            }
            return programs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> words(String line) {
        String t = line.trim();
        return t.isEmpty() ? List.of() : List.copyOf(Arrays.asList(t.split("\\s+")));
    }

    /** What the real iwasm of {@code version} ("2.4.4", "cba4c782") did, if recorded. */
    public Optional<Outcome> expected(String version) throws IOException {
        String base = DIR + "expected/" + version + "/" + name;
        if (WasiProgram.class.getClassLoader().getResource(base + ".exit") == null) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(text(base + ".stdout"), text(base + ".stderr"),
                Integer.parseInt(text(base + ".exit").strip()), text(base + ".tree")));
    }

    /** Writes {@code outcome} as the recording of {@code version} under {@code resources} (src/test/resources). */
    public void record(Path resources, String version, Outcome outcome) throws IOException {
        Path dir = Files.createDirectories(resources.resolve(DIR + "expected/" + version));
        Files.writeString(dir.resolve(name + ".stdout"), outcome.stdout());
        Files.writeString(dir.resolve(name + ".stderr"), outcome.stderr());
        Files.writeString(dir.resolve(name + ".exit"), outcome.exit() + "\n");
        Files.writeString(dir.resolve(name + ".tree"), outcome.tree());
    }

    private static String text(String path) throws IOException {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code clang --target=wasm32-wasi -O2} (clang from {@code WASM_AOT_CLANG}): the module, in {@code dir}. */
    public Path buildWasm(Path dir) throws IOException {
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source, StandardCharsets.UTF_8);
        Path wasm = dir.resolve(name + ".wasm");
        String clang = System.getenv().getOrDefault("WASM_AOT_CLANG", "clang");
        List<String> cmd = new ArrayList<>(List.of(clang, "--target=wasm32-wasi", "-O2", "-o", wasm.toString(),
                c.toString()));
        TreeSet<String> includes = new TreeSet<>();
        for (String extra : sources) {
            Path file = dir.resolve(extra);
            Files.createDirectories(file.getParent());
            try (InputStream in = resource(DIR + extra)) {
                Files.write(file, in.readAllBytes());
            }
            includes.add("-I" + file.getParent());
            if (extra.endsWith(".c")) {
                cmd.add(file.toString());
            }
        }
        cmd.addAll(includes);
        ProgramOutput out = CToolchain.exec(cmd, dir);
        if (out.exit() != 0) {
            throw new IOException(clang + " failed on " + name + ".c: " + out.stderr());
        }
        return wasm;
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = WasiProgram.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing test resource " + path);
        }
        return in;
    }

    @Override
    public String toString() {
        return name;
    }
}
