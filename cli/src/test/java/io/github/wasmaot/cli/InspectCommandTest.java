package io.github.wasmaot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.testing.AotVectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code wasm-aot inspect} over the real wamrc images; expectations come from their manifest. */
class InspectCommandTest {

    @TempDir
    Path tmp;

    static List<AotVectors.Entry> vectors() {
        return AotVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void jsonNamesWriterIsaSectionsAndInvokedExports(AotVectors.Entry v) throws Exception {
        CliRun r = CliRun.of("inspect", "--json", v.path().toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(v.profile(), json.get("profile").asText());
        assertTrue(json.get("family").asText().contains(v.profile()), json.get("family").asText());
        assertEquals(v.isa(), json.get("isa").asText());
        assertEquals(v.aotVersion(), json.get("aotVersion").asInt());
        assertEquals(v.size(), json.get("size").asLong());
        assertEquals(v.targetInfoSize(), json.get("sections").get(0).get("size").asInt());
        List<String> exports = new ArrayList<>();
        json.get("exports").forEach(e -> exports.add(e.get("name").asText()));
        assertTrue(exports.containsAll(v.invokedExports()), exports + " vs " + v.invokedExports());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void textShowsWriterAndIsa(AotVectors.Entry v) {
        CliRun r = CliRun.of("inspect", v.path().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith(v.path() + ": WAMR AOT version " + v.aotVersion() + ", " + v.size() + " bytes"),
                r.out());
        assertTrue(r.out().contains("(profile " + v.profile() + ")"), r.out());
        assertTrue(r.out().contains("  ISA:         " + v.isa() + " "), r.out());
        assertTrue(r.out().contains("target_info  id 0   at 0x000008, " + v.targetInfoSize() + " bytes"), r.out());
    }

    @Test
    void truncatedImageNamesFileSectionAndOffset() throws Exception {
        AotVectors.Entry v = vectors().get(0);
        Path cut = tmp.resolve("cut.aot");
        Files.write(cut, Arrays.copyOf(v.bytes(), 100));
        CliRun r = CliRun.of("inspect", cut.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith(cut + ": ") && r.err().contains(" at offset "), r.err());
    }

    @Test
    void notAnImageIsReportedAsSuch() throws Exception {
        Path junk = tmp.resolve("junk.aot");
        Files.writeString(junk, "definitely not an AOT image");
        CliRun r = CliRun.of("inspect", junk.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("magic header not detected"), r.err());
    }

    @Test
    void missingFileIsAnIoError() {
        Path missing = tmp.resolve("missing.aot");
        CliRun r = CliRun.of("inspect", missing.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith(missing + ": cannot read"), r.err());
    }
}
