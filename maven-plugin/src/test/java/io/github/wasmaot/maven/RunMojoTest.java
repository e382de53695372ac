package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.loader.wasi.WasiPreopen;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMojoTest {
    @Test
    void expectedOutputWrittenIndentedInXmlMatchesTheLines() {
        String fromPom = "\n          n=3000 mean=49.298926\n          0x5:i32  \n        ";
        assertEquals(List.of("n=3000 mean=49.298926", "0x5:i32"), RunMojo.lines(fromPom));
        assertEquals(RunMojo.lines("n=3000 mean=49.298926\n0x5:i32\n"), RunMojo.lines(fromPom));
    }

    @Test
    void innerBlankLinesCount() {
        assertEquals(List.of("a", "", "b"), RunMojo.lines("a\n\nb\n\n"));
        assertEquals(List.of(), RunMojo.lines("\n \n"));
    }

    @Test
    void dirsThenMapDirsResolveAgainstTheBaseDirectoryAndKeepTheirGuestNames() throws Exception {
        RunMojo mojo = new RunMojo();
        mojo.basedir = new java.io.File("/project");
        mojo.dirs = List.of("data", "/abs/out");
        mojo.mapDirs = List.of("/guest::target/files");
        mojo.env = List.of("A=1", "B=x=y");
        io.github.wasmaot.loader.run.WasiOptions wasi = mojo.wasi();
        assertEquals(List.of(new WasiPreopen("data", Path.of("/project/data")),
                new WasiPreopen("/abs/out", Path.of("/abs/out")),
                new WasiPreopen("/guest", Path.of("/project/target/files"))), wasi.preopens());
        assertEquals(List.of("A=1", "B=x=y"), wasi.env());
    }

    @Test
    void aBadMapDirOrEnvEntryIsRefused() {
        RunMojo mojo = new RunMojo();
        mojo.mapDirs = List.of("nohost");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, mojo::wasi);
        RunMojo env = new RunMojo();
        env.env = List.of("NOVALUE");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, env::wasi);
    }

    @Test
    void stdinFileIsWhatTheProgramReadsAndResolvesAgainstTheBaseDirectory(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("input.txt"), "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8));
        RunMojo mojo = new RunMojo();
        mojo.basedir = dir.toFile();
        mojo.stdinFile = new java.io.File("input.txt");
        try (InputStream in = mojo.wasi().stdin()) {
            assertEquals("line 1\nline 2\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMissingStdinFileIsAConfigurationErrorNamingIt(@TempDir Path dir) {
        RunMojo mojo = new RunMojo();
        mojo.basedir = dir.toFile();
        mojo.stdinFile = new java.io.File("missing.txt");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::wasi);
        assertTrue(e.getMessage().startsWith("stdinFile " + dir.resolve("missing.txt") + ": cannot read"),
                e.getMessage());
    }

    @Test
    void anInteractiveMavenPassesItsStdinThroughAndKeepsItOpen() throws Exception {
        InputStream saved = System.in;
        try {
            ByteArrayInputStream typed = new ByteArrayInputStream("typed\nmore".getBytes(StandardCharsets.UTF_8));
            System.setIn(typed);
            RunMojo mojo = new RunMojo();
            mojo.session = session(true);
            InputStream in = mojo.wasi().stdin();
            assertEquals("typed\n", new String(in.readNBytes(6), StandardCharsets.UTF_8));
            in.close();
            // closing the program's stdin leaves Maven's open: the rest is still there
            assertEquals("more", new String(typed.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void batchModeReadsEmptyInput() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("not for the program".getBytes(StandardCharsets.UTF_8)));
            RunMojo mojo = new RunMojo();
            mojo.session = session(false);
            assertEquals(-1, mojo.wasi().stdin().read());
            RunMojo noSession = new RunMojo();
            assertEquals(-1, noSession.wasi().stdin().read());
        } finally {
            System.setIn(saved);
        }
    }

    @SuppressWarnings("deprecation")
    private static MavenSession session(boolean interactive) {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setInteractiveMode(interactive);
        return new MavenSession(null, null, request, null);
    }
}
