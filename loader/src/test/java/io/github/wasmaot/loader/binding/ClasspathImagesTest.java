package io.github.wasmaot.loader.binding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.io.BundlePaths;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifest image paths are relative paths inside the bundle, read as classpath resources beside the manifest. */
class ClasspathImagesTest {
    @TempDir
    Path dir;

    private URLClassLoader loader(Path... roots) throws Exception {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }

    private static void manifest(Path root, String path) throws Exception {
        Path m = root.resolve("META-INF/wasm-aot/manifest.json");
        Files.createDirectories(m.getParent());
        Files.writeString(m, "{\"format\":\"wasm-aot-bundle/1\",\"images\":[{\"path\":\"" + path.replace("\\", "\\\\")
                + "\",\"profile\":\"wamr-2.4\",\"isa\":\"x86_64\",\"sha256\":\"00\"}]}", StandardCharsets.UTF_8);
    }

    @Test
    void pathsWithASchemeDotDotOrAbsoluteAreRefusedBeforeAnyIo() throws Exception {
        Path secret = dir.resolve("secret.aot");
        Files.write(secret, new byte[] {1, 2, 3});
        for (String bad : List.of(secret.toUri().toString(), "http://127.0.0.1:9/x.aot", "../secret.aot",
                "aot/../../../secret.aot", secret.toString(), "aot\\wamr-2.4\\x86_64\\x.aot", "aot//x.aot",
                "./aot/x.aot", "jar:file:/x.jar!/x.aot")) {
            Path root = Files.createTempDirectory(dir, "cp");
            manifest(root, bad);
            try (URLClassLoader cl = loader(root)) {
                ManifestEntry e = ClasspathImages.list(cl).get(0);
                BindingException ex = assertThrows(BindingException.class, () -> ClasspathImages.read(cl, e), bad);
                assertTrue(ex.getMessage().contains("lists image \"" + bad + "\", refused: "), ex.getMessage());
            }
        }
    }

    @Test
    void theImageIsTheOneBesideItsManifest() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        String path = "aot/wamr-2.4/x86_64/hello.aot";
        manifest(b, path);
        // a holds an image of the same name but no manifest: it comes first on the classpath, and is not read
        for (Path root : List.of(a, b)) {
            Files.createDirectories(root.resolve("META-INF/wasm-aot/aot/wamr-2.4/x86_64"));
            Files.write(root.resolve("META-INF/wasm-aot/" + path), root.getFileName().toString()
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (URLClassLoader cl = loader(a, b)) {
            List<ManifestEntry> entries = ClasspathImages.list(cl);
            assertEquals(1, entries.size());
            assertEquals("hello", entries.get(0).module());
            assertArrayEquals("b".getBytes(StandardCharsets.UTF_8), ClasspathImages.read(cl, entries.get(0)));
        }
        Files.delete(b.resolve("META-INF/wasm-aot/" + path));
        try (URLClassLoader cl = loader(a, b)) {
            BindingException e = assertThrows(BindingException.class,
                    () -> ClasspathImages.read(cl, ClasspathImages.list(cl).get(0)));
            assertTrue(e.getMessage().contains("is not beside it on the classpath"), e.getMessage());
        }
    }

    @Test
    void pathRules() {
        assertNull(BundlePaths.problem("aot/wamr-2.4/x86_64/hello.aot"));
        assertNull(BundlePaths.problem("aot/wamr-2.4/x86_64/my..name.aot"));
        assertEquals("a scheme or drive (':') is not allowed", BundlePaths.problem("file:/x.aot"));
        assertEquals("a '..' segment is not allowed", BundlePaths.problem("aot/../x.aot"));
        assertEquals("an absolute path is not allowed", BundlePaths.problem("/x.aot"));
        assertEquals("a backslash is not allowed", BundlePaths.problem("aot\\x.aot"));
        assertEquals("empty path", BundlePaths.problem(""));
    }
}
