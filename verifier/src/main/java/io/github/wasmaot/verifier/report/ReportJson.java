package io.github.wasmaot.verifier.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wasmaot.verifier.Finding;

/** {@code verify-report.json}: a stable, explicit schema (format {@value #FORMAT}). */
final class ReportJson {
    static final String FORMAT = "wasm-aot-verify-report/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    static byte[] render(VerifyReport report) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("passed", report.passed());
        root.put("target", report.target());
        ArrayNode runtimes = root.putArray("runtimes");
        report.runtimes().forEach(runtimes::add);
        VerifyTotals t = report.totals();
        ObjectNode totals = root.putObject("totals");
        totals.put("images", t.images());
        totals.put("checks", t.checks());
        totals.put("accepted", t.accepted());
        totals.put("rejected", t.rejected());
        totals.put("errors", t.errors());
        totals.put("warnings", t.warnings());
        ArrayNode results = root.putArray("results");
        for (ImageCheck check : report.checks()) {
            ObjectNode r = results.addObject();
            r.put("file", check.file().toString());
            r.put("runtime", check.runtime());
            r.put("target", check.result().target());
            r.put("accepted", check.accepted());
            r.put("runtimeText", check.result().runtimeText().orElse(null));
            ArrayNode findings = r.putArray("findings");
            for (Finding f : check.findings()) {
                ObjectNode o = findings.addObject();
                o.put("severity", f.severity().name());
                o.put("code", f.code().name());
                o.put("section", f.section());
                o.put("offset", f.offset());
                o.put("message", f.message());
                o.put("runtimeText", f.runtimeText());
            }
        }
        return JSON.writeValueAsBytes(root);
    }
}
