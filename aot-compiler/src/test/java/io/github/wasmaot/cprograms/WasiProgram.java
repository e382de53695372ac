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
                          List<String> sources, Optional<PrebuiltWasm> prebuilt, List<String> files) {
    private static final String DIR = "wasi-programs/";

    /** What one iwasm printed, how it exited and what the sandbox held afterwards ({@link WasiFixture#tree}). */
    public record Outcome(String stdout, String stderr, int exit, String tree) {
    }

    /**
     * Every program, or those named in the system property {@code wasmaot.wasi.programs} (comma separated, e.g.
     * {@code -Dwasmaot.wasi.programs=python} to judge only the large one).
     */
    public static List<WasiProgram> all() {
        String only = System.getProperty("wasmaot.wasi.programs", "").trim();
        List<String> wanted = only.isEmpty() ? List.of() : Arrays.asList(only.split("\\s*,\\s*"));
        Properties index = new Properties();
        try (InputStream in = resource(DIR + "programs.properties")) {
            index.load(in);
            TreeSet<String> names = new TreeSet<>();
            for (String key : index.stringPropertyNames()) {
                names.add(key.substring(0, key.indexOf('.')));
            }
            List<WasiProgram> programs = new ArrayList<>();
            for (String name : names) {
                if (!wanted.isEmpty() && !wanted.contains(name)) {
                    continue;
                }
                byte[] stdin = new byte[0];
                String stdinFile = index.getProperty(name + ".stdin", "").trim();
                if (!stdinFile.isEmpty()) {
                    try (InputStream s = resource(DIR + stdinFile)) {
                        stdin = s.readAllBytes();
                    }
                }
                String wasm = index.getProperty(name + ".wasm", "").trim();
                Optional<PrebuiltWasm> prebuilt = wasm.isEmpty() ? Optional.empty()
                        : Optional.of(PrebuiltWasm.parse(wasm));
                String source = "";
                if (prebuilt.isEmpty()) {
                    try (InputStream src = resource(DIR + name + ".c")) {
                        source = new String(src.readAllBytes(), StandardCharsets.UTF_8);
                    }
                }
                programs.add(new WasiProgram(name, words(index.getProperty(name + ".args", "")),
                        words(index.getProperty(name + ".env", "")), stdin, source,
                        words(index.getProperty(name + ".sources", "")), prebuilt,
                        words(index.getProperty(name + ".files", ""))));
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

    /**
     * Why this program cannot be built here, if it cannot: a prebuilt module that is not in the cache, or no clang
     * for wasm32-wasi.
     */
    public Optional<String> unavailableReason(Path scratch) throws IOException {
        if (prebuilt.isPresent()) {
            return prebuilt.get().unavailableReason();
        }
        return CToolchain.fromEnvironment().unavailableReason(scratch);
    }

    /** Copies the program's {@code .files} (resources under wasi-programs/) into {@code sandbox}, flat. */
    public void addFiles(Path sandbox) throws IOException {
        for (String file : files) {
            try (InputStream in = resource(DIR + file)) {
                Files.write(sandbox.resolve(Path.of(file).getFileName().toString()), in.readAllBytes());
            }
        }
    }

    /**
     * The module, in {@code dir}: the prebuilt one (checked against its SHA-256), or built by
     * {@code clang --target=wasm32-wasi -O2} (clang from {@code WASM_AOT_CLANG}).
     */
    public Path buildWasm(Path dir) throws IOException {
        if (prebuilt.isPresent()) {
            return prebuilt.get().locate();
        }
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
