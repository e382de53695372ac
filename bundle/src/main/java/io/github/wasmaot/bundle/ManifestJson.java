package io.github.wasmaot.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The bundle's {@code manifest.json} (format {@value #FORMAT}): one object per image with its archive path,
 * profile, ISA, AOT version, size and SHA-256, its source module ({@code wasm}: path, size, SHA-256, or null when
 * none was found) and, when given, its {@code compiler} (version, options). Fields in a fixed order, two-space
 * indentation and {@code \n} line ends on every platform.
 */
final class ManifestJson {
    static final String FORMAT = "wasm-aot-bundle/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        WRITER = JSON.writer(printer);
    }

    private ManifestJson() {
    }

    static byte[] render(List<BundledImage> images) throws BundleException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("images");
        for (BundledImage image : images) {
            ObjectNode o = list.addObject();
            o.put("path", image.path());
            o.put("profile", image.profile());
            o.put("isa", image.isa());
            o.put("aotVersion", image.aotVersion());
            o.put("size", image.size());
            o.put("sha256", image.sha256());
            if (image.wasm().isPresent()) {
                BundledImage.Source s = image.wasm().get();
                ObjectNode w = o.putObject("wasm");
                w.put("path", s.path());
                w.put("size", s.size());
                w.put("sha256", s.sha256());
            } else {
                o.putNull("wasm");
            }
            image.compiler().ifPresent(c -> {
                ObjectNode comp = o.putObject("compiler");
                comp.put("version", c.version());
                ArrayNode options = comp.putArray("options");
                c.options().forEach(options::add);
            });
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(WRITER.writeValueAsBytes(root));
            out.write('\n');
            return out.toByteArray();
        } catch (JsonProcessingException e) {
            throw new BundleException("cannot render " + Bundler.MANIFEST + ": " + e.getMessage(), e);
        }
    }
}
