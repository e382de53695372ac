package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile goal on a project directory: class-name clashes and removal of what deleted modules left behind. */
class CompileMojoTest {
    @TempDir
    Path dir;

    private Path wasm(String name) throws Exception {
        Path f = dir.resolve("src/main/wasm").resolve(name);
        Files.createDirectories(f.getParent());
        try (InputStream in = CompileMojoTest.class.getResourceAsStream("/hello.wasm")) {
            Files.copy(in, f);
        }
        return f;
    }

    private CompileMojo mojo() {
        CompileMojo m = new CompileMojo();
        m.sourceDirectory = dir.resolve("src/main/wasm").toFile();
        m.includes = List.of("**/*.wasm");
        m.runtimes = List.of("current");
        m.targets = List.of("x86_64");
        m.optLevel = 1;
        m.imageDirectory = dir.resolve("target/wasm-aot").toFile();
        m.generateBindings = true;
        m.generateSources = true;
        m.bindingPackage = "com.example";
        m.classesDirectory = dir.resolve("target/classes").toFile();
        m.generatedSourcesDirectory = dir.resolve("target/generated-sources/wasm-aot").toFile();
        m.buildDirectory = dir.resolve("target").toFile();
        m.outputTimestamp = "2026-01-01T00:00:00Z";
        return m;
    }

    @Test
    void twoModulesWithOneClassNameFailNamingBothFiles() throws Exception {
        Path a = wasm("my-mem.wasm");
        Path b = wasm("my_mem.wasm");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());
        assertTrue(e.getMessage().contains(a.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(b.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("binding class MyMem"), e.getMessage());
        assertTrue(e.getMessage().contains("<bindingNames><my_mem>"), e.getMessage());
        // refused before anything is compiled
        assertFalse(Files.exists(dir.resolve("target/wasm-aot")));
    }

    @Test
    void progressIsLoggedAtInfoOnceAModuleTakesLongerThanProgressAfter() throws Exception {
        wasm("hello.wasm");
        CompileMojo m = mojo();
        m.progressAfter = 0;
        List<String> info = new java.util.concurrent.CopyOnWriteArrayList<>();
        m.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
            }
        });
        m.execute();
        assertTrue(info.stream().anyMatch(l -> l.startsWith("hello.wasm -> ") && l.contains("image written")),
                String.join("\n", info));
        // with the default, a module this small compiles before any progress line is due
        List<String> quiet = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompileMojo again = mojo();
        again.imageDirectory = dir.resolve("target/wasm-aot-2").toFile();
        again.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                quiet.add(content.toString());
            }
        });
        again.execute();
        assertFalse(quiet.stream().anyMatch(l -> l.contains("functions translated")), String.join("\n", quiet));
    }

    @Test
    void aModuleNamedLikeAJavaLangTypeFails() throws Exception {
        Path c = wasm("class.wasm");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());
        assertTrue(e.getMessage().contains(c + " maps to binding class Class, which would shadow java.lang.Class"),
                e.getMessage());
    }

    @Test
    void bindingNamesResolveAClash() throws Exception {
        wasm("my-mem.wasm");
        wasm("my_mem.wasm");
        CompileMojo m = mojo();
        m.bindingNames = Map.of("my_mem", "MyMemory");
        m.execute();
        assertTrue(Files.isRegularFile(dir.resolve("target/classes/com/example/MyMem.class")));
        assertTrue(Files.isRegularFile(dir.resolve("target/classes/com/example/MyMemory.class")));
        assertTrue(Files.isRegularFile(dir.resolve("target/generated-sources/wasm-aot/com/example/MyMemory.java")));
    }

    @Test
    void aDeletedModuleLeavesNothingBehind() throws Exception {
        wasm("hello.wasm");
        Path gone = wasm("gone.wasm");
        Path foreign = dir.resolve("target/classes/com/example/Handwritten.class");
        Files.createDirectories(foreign.getParent());
        Files.write(foreign, new byte[] {1});
        Path handPlaced = dir.resolve("target/wasm-aot/wamr-2.4/x86_64/placed.aot");
        mojo().execute();
        // an image without a stamp, placed by hand
        Files.copy(dir.resolve("target/wasm-aot/wamr-2.4/x86_64/hello.aot"), handPlaced);
        Path image = dir.resolve("target/wasm-aot/wamr-2.4/x86_64/gone.aot");
        Path classFile = dir.resolve("target/classes/com/example/Gone.class");
        Path source = dir.resolve("target/generated-sources/wasm-aot/com/example/Gone.java");
        Path bundled = dir.resolve("target/classes/META-INF/wasm-aot/aot/wamr-2.4/x86_64/gone.aot");
        Path bundledWasm = dir.resolve("target/classes/META-INF/wasm-aot/wasm/gone.wasm");
        Path manifest = dir.resolve("target/classes/META-INF/wasm-aot/manifest.json");
        for (Path p : List.of(image, Path.of(image + ".stamp"), classFile, source, bundled, bundledWasm)) {
            assertTrue(Files.isRegularFile(p), p.toString());
        }
        assertTrue(Files.readString(manifest).contains("gone.aot"));

        Files.delete(gone);
        mojo().execute();
        for (Path p : List.of(image, Path.of(image + ".stamp"), classFile, source, bundled, bundledWasm)) {
            assertFalse(Files.exists(p), p + " should be gone");
        }
        String m = Files.readString(manifest, StandardCharsets.UTF_8);
        assertFalse(m.contains("gone"), m);
        assertTrue(m.contains("aot/wamr-2.4/x86_64/hello.aot"), m);
        assertTrue(Files.isRegularFile(dir.resolve("target/classes/com/example/Hello.class")));
        assertTrue(Files.isRegularFile(dir.resolve("target/wasm-aot/wamr-2.4/x86_64/hello.aot")));
        // not written by the goal: left alone
        assertTrue(Files.isRegularFile(foreign));
        assertTrue(Files.isRegularFile(handPlaced));

        // the last module gone: images, classes, sources and the manifest go too
        Files.delete(dir.resolve("src/main/wasm/hello.wasm"));
        mojo().execute();
        assertFalse(Files.exists(dir.resolve("target/wasm-aot/wamr-2.4/x86_64/hello.aot")));
        assertFalse(Files.exists(dir.resolve("target/classes/com/example/Hello.class")));
        assertFalse(Files.exists(dir.resolve("target/generated-sources/wasm-aot/com/example/Hello.java")));
        assertFalse(Files.exists(dir.resolve("target/classes/META-INF/wasm-aot/aot/wamr-2.4/x86_64/hello.aot")));
        assertFalse(Files.readString(manifest).contains("hello"));
        assertTrue(Files.readString(manifest).contains("placed.aot"));
        assertTrue(Files.isRegularFile(foreign));
        assertTrue(Files.isRegularFile(handPlaced));
    }

    @Test
    void anExcludedModuleKeepsItsOutputsAndARenamedBindingLosesItsOldClass() throws Exception {
        wasm("hello.wasm");
        wasm("kept.wasm");
        mojo().execute();
        CompileMojo m = mojo();
        m.excludes = List.of("kept.wasm");
        m.bindingNames = Map.of("hello", "Greeter");
        m.execute();
        assertTrue(Files.isRegularFile(dir.resolve("target/wasm-aot/wamr-2.4/x86_64/kept.aot")));
        assertTrue(Files.isRegularFile(dir.resolve("target/classes/com/example/Kept.class")));
        assertTrue(Files.isRegularFile(dir.resolve("target/generated-sources/wasm-aot/com/example/Kept.java")));
        assertTrue(Files.isRegularFile(dir.resolve("target/classes/com/example/Greeter.class")));
        assertFalse(Files.exists(dir.resolve("target/classes/com/example/Hello.class")));
        assertFalse(Files.exists(dir.resolve("target/generated-sources/wasm-aot/com/example/Hello.java")));
        assertTrue(Files.readString(dir.resolve("target/" + GeneratedFiles.LIST)).contains("Kept.class"));
    }
}
