package io.github.wasmaot.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkedSectionTest {

    @TempDir
    Path tmp;

    @Test
    void replacesOnlyBetweenMarkers() throws Exception {
        Path file = tmp.resolve("docs/compat.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# T\n\nbefore\n<!-- s:begin -->\nold\n<!-- s:end -->\nafter\n");
        new MarkedSection(file, "s").write("new\n", "unused");
        assertEquals("# T\n\nbefore\n<!-- s:begin -->\nnew\n<!-- s:end -->\nafter\n", Files.readString(file));
    }

    @Test
    void createsFileWithHeadingWhenAbsent() throws Exception {
        Path file = tmp.resolve("docs/compat.md");
        new MarkedSection(file, "s").write("table", "# Heading\n");
        assertEquals("# Heading\n\n<!-- s:begin -->\ntable\n<!-- s:end -->\n", Files.readString(file));
    }

    @Test
    void appendsMarkersToAnExistingFileWithoutThem() throws Exception {
        Path file = tmp.resolve("compat.md");
        Files.writeString(file, "# Mine\ntext");
        new MarkedSection(file, "s").write("x\n", "unused");
        assertEquals("# Mine\ntext\n\n<!-- s:begin -->\nx\n<!-- s:end -->\n", Files.readString(file));
    }

    @Test
    void rewritingTheSameContentIsStable() throws Exception {
        Path file = tmp.resolve("compat.md");
        MarkedSection section = new MarkedSection(file, "s");
        section.write("x\n", "# H\n");
        String first = Files.readString(file);
        section.write("x\n", "# H\n");
        assertEquals(first, Files.readString(file));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
