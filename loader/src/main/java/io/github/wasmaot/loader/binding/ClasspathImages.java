package io.github.wasmaot.loader.binding;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wasmaot.format.io.BundlePaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The images that the bundle manifests ({@value #MANIFEST}) on a class loader's classpath list. An image is read as
 * the class loader's resource {@code META-INF/wasm-aot/<path>} in the same classpath root as its manifest, never by
 * resolving its manifest path as a URL: a path with a scheme, a {@code ..} or {@code .} segment, a leading
 * {@code /}, a backslash, an empty segment or a control character is refused before anything is opened.
 */
final class ClasspathImages {
    static final String FOLDER = "META-INF/wasm-aot/";
    static final String MANIFEST = FOLDER + "manifest.json";

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
                // the tree ObjectMapper.readTree gives, without creating an ObjectMapper (start-up)
                root = io.github.wasmaot.format.profile.RecordTrees.readTree(in);
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

    static byte[] read(ClassLoader loader, ManifestEntry entry) {
        String problem = BundlePaths.problem(entry.path());
        if (problem != null) {
            throw new BindingException(entry.manifest() + " lists image \"" + entry.path() + "\", refused: " + problem
                    + " (image paths are relative paths inside the bundle)");
        }
        String manifest = entry.manifest().toExternalForm();
        String base = manifest.substring(0, manifest.length() - "manifest.json".length());
        List<URL> found;
        try {
            found = Collections.list(loader.getResources(FOLDER + entry.path()));
        } catch (IOException e) {
            throw new BindingException("cannot look up image " + entry.path() + " listed by " + entry.manifest()
                    + ": " + e, e);
        }
        URL image = found.stream().filter(u -> u.toExternalForm().startsWith(base)).findFirst()
                .orElseThrow(() -> new BindingException("image " + entry.path() + " listed by " + entry.manifest()
                        + " is not beside it on the classpath"));
        try (InputStream in = image.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BindingException("cannot read image " + entry.path() + " listed by " + entry.manifest()
                    + ": " + e, e);
        }
    }
}
