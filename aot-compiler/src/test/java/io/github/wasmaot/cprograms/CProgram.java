package io.github.wasmaot.cprograms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * One C test program from {@code c-programs/} on the test classpath, with the arguments it runs with
 * ({@code c-programs/programs.properties} lists them).
 */
public record CProgram(String name, List<String> args, String source) {
    private static final String DIR = "c-programs/";

    public static List<CProgram> all() {
        Properties index = new Properties();
        try (InputStream in = resource(DIR + "programs.properties")) {
            index.load(in);
            List<CProgram> programs = new ArrayList<>();
            for (String name : new TreeSet<>(index.stringPropertyNames())) {
                String argLine = index.getProperty(name).trim();
                List<String> args = argLine.isEmpty() ? List.of() : Arrays.asList(argLine.split("\\s+"));
                try (InputStream src = resource(DIR + name + ".c")) {
                    programs.add(new CProgram(name, List.copyOf(args),
                            new String(src.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return programs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = CProgram.class.getClassLoader().getResourceAsStream(path);
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
