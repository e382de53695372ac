package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wasmaot.loader.wasi.WasiPreopen;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    void dirsThenMapDirsResolveAgainstTheBaseDirectoryAndKeepTheirGuestNames() {
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
}
