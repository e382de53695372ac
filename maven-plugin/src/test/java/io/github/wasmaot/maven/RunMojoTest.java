package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
