package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.format.testing.AotVectors;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wasm-aot run}'s WASI options, iwasm's spellings: {@code --dir=DIR}, {@code --map-dir=GUEST::HOST},
 * {@code --env=NAME=VALUE} (each repeatable), program arguments after {@code --}, stdin passed through.
 */
class RunCommandWasiTest {
    private static final String PROGRAM = """
            #include <stdio.h>
            #include <stdlib.h>
            int main(int argc, char **argv) {
                printf("%s %s %s\\n", argc > 1 ? argv[1] : "-", getenv("A"), getenv("B"));
                char line[100];
                if (fgets(line, sizeof line, stdin)) printf("stdin: %s", line);
                FILE *in = fopen("here/in.txt", "r");
                FILE *out = fopen("/guest/out.txt", "w");
                if (!in || !out) { perror("fopen"); return 3; }
                int c;
                while ((c = fgetc(in)) != EOF) fputc(c, out);
                fclose(out);
                FILE *bad = fopen("here/../escape.txt", "w");
                printf("escape: %s\\n", bad ? "possible" : "refused");
                return 5;
            }
            """;

    @TempDir
    Path tmp;

    private Path image() throws Exception {
        Path c = tmp.resolve("p.c");
        Files.writeString(c, PROGRAM);
        Path wasm = tmp.resolve("p.wasm");
        String clang = System.getenv().getOrDefault("WASM_AOT_CLANG", "clang");
        int exit;
        try {
            Process p = new ProcessBuilder(clang, "--target=wasm32-wasi", "-O2", "-o", wasm.toString(), c.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            exit = p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (java.io.IOException e) {
            exit = -1;
        }
        Assumptions.assumeTrue(exit == 0, "clang cannot build wasm32-wasi here");
        Path image = tmp.resolve("p.aot");
        AotCompiler.compileFile(wasm, image, CompileOptions.of("wamr-2.4", "x86_64"));
        return image;
    }

    private static CliRun withStdin(String input, String... args) {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void dirsMapDirsEnvArgsAndStdinReachTheProgram() throws Exception {
        Path image = image();
        Path here = Files.createDirectories(tmp.resolve("here"));
        Path guest = Files.createDirectories(tmp.resolve("guest-host"));
        Files.writeString(here.resolve("in.txt"), "copied\n");
        // --dir=here would resolve "here" against the JVM's working directory, which a test cannot move;
        // --map-dir=here::HOST gives the program the same view
        CliRun run = withStdin("typed line\n", "run", "--native", "--map-dir=here::" + here,
                "--map-dir=/guest::" + guest, "--env=A=1", "--env=B=x=y", image.toString(), "--", "arg1");
        assertEquals(5, run.exitCode(), run.err());
        assertEquals("arg1 1 x=y\nstdin: typed line\nescape: refused\n", run.out());
        assertEquals("copied\n", Files.readString(guest.resolve("out.txt")));
        assertTrue(Files.notExists(tmp.resolve("escape.txt")));
    }

    @Test
    void badWasiOptionsAreUsageErrorsOnOneLine() {
        String hello = AotVectors.byFile("hello.wamr-2.4.x86_64.aot").path().toString();
        CliRun map = CliRun.of("run", "--map-dir=nohost", hello);
        assertEquals(2, map.exitCode());
        assertEquals(List.of("wasm-aot run: --map-dir=nohost is not GUEST::HOST"), map.err().lines().toList());
        CliRun env = CliRun.of("run", "--env=NOVALUE", hello);
        assertEquals(2, env.exitCode());
        assertEquals(List.of("wasm-aot run: --env=NOVALUE is not NAME=VALUE"), env.err().lines().toList());
        CliRun dir = CliRun.of("run", "--dir=" + tmp.resolve("missing"), hello);
        assertEquals(2, dir.exitCode());
        assertEquals(List.of("wasm-aot run: error while pre-opening directory " + tmp.resolve("missing")
                + ": no such directory"), dir.err().lines().toList());
    }
}
