package io.github.wasmaot.verifier.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.testing.AotVectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyReportWriterTest {
    private static AotVectors.Entry currentImage() {
        return AotVectors.all().stream().filter(e -> e.profile().equals("wamr-2.4")).findFirst().orElseThrow();
    }

    @Test
    void writesJsonWithVerdictFindingsAndRuntimeText(@TempDir Path dir) throws Exception {
        AotVectors.Entry v = currentImage();
        VerifyReport report = BatchVerifier.run(
                VerifyRequest.of(List.of(v.path()), List.of("legacy", "current"), v.isa()));
        ReportFiles files = VerifyReportWriter.write(report, dir.resolve("out"));

        JsonNode root = new ObjectMapper().readTree(files.json().toFile());
        assertEquals(ReportJson.FORMAT, root.get("format").asText());
        assertFalse(root.get("passed").asBoolean());
        assertEquals(v.isa(), root.get("target").asText());
        assertEquals(1, root.at("/totals/images").asInt());
        assertEquals(2, root.at("/totals/checks").asInt());
        assertEquals(1, root.at("/totals/rejected").asInt());
        JsonNode legacy = root.at("/results/0");
        assertEquals("wamr-cba4c782", legacy.get("runtime").asText());
        assertEquals(v.path().toString(), legacy.get("file").asText());
        assertFalse(legacy.get("accepted").asBoolean());
        assertEquals("unknown binary version", legacy.get("runtimeText").asText());
        JsonNode first = legacy.at("/findings/0");
        assertEquals("ERROR", first.get("severity").asText());
        assertEquals("AOT_VERSION", first.get("code").asText());
        assertEquals("header", first.get("section").asText());
        assertEquals(4, first.get("offset").asLong());
        assertEquals("unknown binary version", first.get("runtimeText").asText());
        JsonNode current = root.at("/results/1");
        assertEquals("wamr-2.4", current.get("runtime").asText());
        assertTrue(current.get("accepted").asBoolean());
        assertTrue(current.get("runtimeText").isNull());

        String html = Files.readString(files.html());
        assertTrue(html.contains("<td class=\"code\">unknown binary version</td>"), html);
        assertTrue(html.contains("<th>Severity</th><th>Code</th><th>Section</th><th>Offset</th>"), html);
        assertTrue(html.contains(">FAILED</span>"), html);
    }

    @Test
    void rewritesAtomicallyWithoutLeavingTemporaryFiles(@TempDir Path dir) throws Exception {
        AotVectors.Entry v = currentImage();
        VerifyReportWriter.write(BatchVerifier.run(VerifyRequest.of(List.of(v.path()), List.of("legacy"), null)), dir);
        ReportFiles second = VerifyReportWriter.write(
                BatchVerifier.run(VerifyRequest.of(List.of(v.path()), List.of("current"), null)), dir);
        assertTrue(new ObjectMapper().readTree(second.json().toFile()).get("passed").asBoolean());
        assertTrue(Files.readString(second.html()).contains(">PASSED</span>"));
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of(VerifyReportWriter.HTML_FILE, VerifyReportWriter.JSON_FILE),
                    list.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void hostileFileNamesAndTextsAreEscaped(@TempDir Path dir) throws Exception {
        String hostile = "<script>alert('x')</script>&\"evil\".aot";
        Path image = dir.resolve("in").resolve(hostile);
        Files.createDirectories(image.getParent());
        Files.write(image, "<img src=x onerror=alert(1)>".getBytes(StandardCharsets.UTF_8));
        VerifyReport report = BatchVerifier.run(VerifyRequest.of(List.of(image.getParent()), List.of("current"), null));
        assertEquals(List.of(image), report.images());
        assertFalse(report.passed());

        String html = Files.readString(VerifyReportWriter.write(report, dir.resolve("out")).html());
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;evil&quot;.aot"), html);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("out").resolve(VerifyReportWriter.JSON_FILE).toFile());
        assertEquals(image.toString(), root.at("/results/0/file").asText());
    }

    @Test
    void escapeCoversEveryHtmlMetacharacter() {
        assertEquals("a&lt;b&gt;c&amp;d&quot;e&#39;f", ReportHtml.esc("a<b>c&d\"e'f"));
        assertEquals("", ReportHtml.esc(null));
    }
}
