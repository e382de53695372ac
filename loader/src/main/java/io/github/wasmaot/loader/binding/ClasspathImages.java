package io.github.wasmaot.loader.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The images that the bundle manifests ({@value #MANIFEST}) on a class loader's classpath list. */
final class ClasspathImages {
    static final String MANIFEST = "META-INF/wasm-aot/manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClasspathImages() {
    }

    static List<ManifestEntry> list(ClassLoader loader) {
        List<ManifestEntry> entries = new ArrayList<>();
        List<URL> manifests;
        try {
            manifests = Collections.list(loader.getResources(MANIFEST));
        } catch (IOException e) {
            throw new BindingException("cannot list " + MANIFEST + " resources: " + e, e);
        }
        for (URL m : manifests) {
            JsonNode root;
            try (InputStream in = m.openStream()) {
                root = JSON.readTree(in);
            } catch (IOException e) {
                throw new BindingException("cannot read " + m + ": " + e, e);
            }
            for (JsonNode i : root.path("images")) {
                entries.add(new ManifestEntry(m, i.path("path").asText(), i.path("profile").asText(),
                        i.path("isa").asText(), i.path("sha256").asText()));
            }
        }
        return entries;
    }

    static byte[] read(ManifestEntry entry) {
        try (InputStream in = new URL(entry.manifest(), entry.path()).openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BindingException("cannot read image " + entry.path() + " listed by " + entry.manifest()
                    + ": " + e, e);
        }
    }
}
