package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.compiler.batch.BatchCompiler;
import io.github.wasmaot.compiler.batch.BatchRequest;
import io.github.wasmaot.compiler.batch.MatrixCell;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.binding.BindingException;
import io.github.wasmaot.loader.binding.BoundModule;
import io.github.wasmaot.maven.binding.BindingGenerator;
import io.github.wasmaot.maven.binding.GeneratedBinding;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates a binding class for hello.wasm, loads it in a class loader and calls the module through it. */
class GeneratedBindingTest {
    @TempDir
    Path dir;

    private Path classesFor(List<String> isas) throws Exception {
        Path wasm = dir.resolve("src/hello.wasm");
        Files.createDirectories(wasm.getParent());
        try (InputStream in = GeneratedBindingTest.class.getResourceAsStream("/hello.wasm")) {
            Files.copy(in, wasm);
        }
        Path images = dir.resolve("wasm-aot");
        var result = BatchCompiler.compile(new BatchRequest(List.of(wasm), MatrixCell.product(List.of("current"),
                isas), CompileOptions.of("-", "-"), images));
        assertEquals(List.of(), result.failed());
        Path classes = dir.resolve("classes");
        ClassesDirectoryImages.write(images, classes, dir.resolve("scratch"), Instant.EPOCH);
        GeneratedBinding b = BindingGenerator.generate(wasm, "hello", "com.example.wasm", "wamr-2.4", classes);
        assertEquals("com.example.wasm.Hello", b.className());
        assertEquals(List.of("add(i32,i32->i32)", "fib(i32->i32)", "mul64(i64,i64->i64)", "half(f64->f64)"),
                b.methods());
        assertTrue(Files.isRegularFile(classes.resolve("com/example/wasm/Hello.class")));
        assertTrue(Files.isRegularFile(classes.resolve("META-INF/wasm-aot/manifest.json")));
        return classes;
    }

    private static Object call(Object target, String name, Class<?>[] types, Object... args) throws Exception {
        try {
            return target.getClass().getMethod(name, types).invoke(target, args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void typedMethodsRunTheHostIsaImage() throws Exception {
        Assumptions.assumeTrue(Isa.host().isPresent(), "no supported host ISA");
        Backends.assumeAvailable(BackendKind.NATIVE, Isa.host().get());
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.host().get());
        Path classes = classesFor(List.of("x86_64", "aarch64"));
        try (URLClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedBindingTest.class.getClassLoader())) {
            Class<?> hello = cl.loadClass("com.example.wasm.Hello");
            assertTrue(Modifier.isFinal(hello.getModifiers()));
            assertEquals("hello", hello.getField("MODULE").get(null));
            assertEquals(int.class, hello.getMethod("add", int.class, int.class).getReturnType());
            try (AutoCloseable h = (AutoCloseable) hello.getMethod("open").invoke(null)) {
                assertEquals(5, call(h, "add", new Class<?>[] {int.class, int.class}, 2, 3));
                assertEquals(-2, call(h, "add", new Class<?>[] {int.class, int.class}, -1, -1));
                assertEquals(6765, call(h, "fib", new Class<?>[] {int.class}, 20));
                assertEquals(0x1_0000_0000L * 3, call(h, "mul64", new Class<?>[] {long.class, long.class},
                        0x1_0000_0000L, 3L));
                assertEquals(1.5, call(h, "half", new Class<?>[] {double.class}, 3.0));
                BoundModule bound = (BoundModule) call(h, "boundModule", new Class<?>[0]);
                assertEquals(Isa.host().get().label(), bound.isa());
                assertEquals("wamr-2.4", bound.profile());
                // the backend is the loader's choice (BackendChoice): native where native faults trap
                if (io.github.wasmaot.loader.backend.nativ.SignalTraps.available()) {
                    assertEquals(BackendKind.NATIVE, bound.backend().kind(), bound.backend().reason());
                } else {
                    assertTrue(bound.backend().reason().length() > 0);
                }
            }
        }
    }

    @Test
    void anAarch64OnlyClasspathRunsEmulated() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.AARCH64);
        Path classes = classesFor(List.of("aarch64"));
        try (URLClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedBindingTest.class.getClassLoader())) {
            Method open = cl.loadClass("com.example.wasm.Hello").getMethod("open", String.class);
            try (AutoCloseable h = (AutoCloseable) open.invoke(null, "current")) {
                assertEquals(55, call(h, "fib", new Class<?>[] {int.class}, 10));
                BoundModule bound = (BoundModule) call(h, "boundModule", new Class<?>[0]);
                assertEquals("aarch64", bound.isa());
                assertEquals(BackendKind.EMULATED, bound.backend().kind());
            }
        }
    }

    @Test
    void aChangedImageOrAMissingProfileIsRefusedBeforeRunning() throws Exception {
        Path classes = classesFor(List.of("aarch64"));
        try (URLClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedBindingTest.class.getClassLoader())) {
            Method open = cl.loadClass("com.example.wasm.Hello").getMethod("open", String.class);
            BindingException none = (BindingException) assertThrows(InvocationTargetException.class,
                    () -> open.invoke(null, "legacy")).getCause();
            assertTrue(none.getMessage().startsWith("no image of module hello for wamr-cba4c782 in any "
                    + "META-INF/wasm-aot/manifest.json"), none.getMessage());

            Path image = classes.resolve("META-INF/wasm-aot/aot/wamr-2.4/aarch64/hello.aot");
            byte[] bytes = Files.readAllBytes(image);
            bytes[bytes.length - 1] ^= 1;
            Files.write(image, bytes);
            BindingException changed = (BindingException) assertThrows(InvocationTargetException.class,
                    () -> open.invoke(null, "current")).getCause();
            assertTrue(changed.getMessage().contains("aot/wamr-2.4/aarch64/hello.aot: SHA-256 is "), changed.getMessage());
            assertTrue(changed.getMessage().contains("the image was changed after it was bundled"));
        }
    }

    /** {@code (module (func (export "fib") (param i64) (result i64) local.get 0))}. */
    private static final byte[] FIB_I64 = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x06, 0x01, 0x60, 0x01, 0x7e, 0x01, 0x7e,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x07, 0x01, 0x03, 'f', 'i', 'b', 0x00, 0x00,
        0x0a, 0x06, 0x01, 0x04, 0x00, 0x20, 0x00, 0x0b};

    @Test
    void anImageWhoseExportsDifferFromTheBindingIsRefused() throws Exception {
        // the binding comes from examples/fib.wasm, fib(i32) -> i32; the images from a fib.wasm with fib(i64) -> i64
        Path other = dir.resolve("other/fib.wasm");
        Files.createDirectories(other.getParent());
        Files.write(other, FIB_I64);
        Path images = dir.resolve("wasm-aot");
        var result = BatchCompiler.compile(new BatchRequest(List.of(other), List.of(new MatrixCell("current",
                "aarch64")), CompileOptions.of("-", "-"), images));
        assertEquals(List.of(), result.failed());
        Path classes = dir.resolve("classes");
        ClassesDirectoryImages.write(images, classes, dir.resolve("scratch"), Instant.EPOCH);
        Path fib = Path.of(System.getProperty("wasmaot.repo.dir", ".."), "examples", "fib.wasm");
        BindingGenerator.generate(fib, "fib", "", "wamr-2.4", classes);
        try (URLClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedBindingTest.class.getClassLoader())) {
            Method open = cl.loadClass("Fib").getMethod("open");
            BindingException e = (BindingException) assertThrows(InvocationTargetException.class,
                    () -> open.invoke(null)).getCause();
            assertEquals("aot/wamr-2.4/aarch64/fib.aot: export fib is i64->i64 but the binding was generated for"
                    + " i32->i32; regenerate the binding", e.getMessage());
        }
    }

    @Test
    void sameModuleGivesTheSameClassBytes() throws Exception {
        Path classes = classesFor(List.of("aarch64"));
        byte[] first = Files.readAllBytes(classes.resolve("com/example/wasm/Hello.class"));
        Path other = dir.resolve("other");
        BindingGenerator.generate(dir.resolve("src/hello.wasm"), "hello", "com.example.wasm", "wamr-2.4", other);
        assertEquals(java.util.HexFormat.of().formatHex(first), java.util.HexFormat.of().formatHex(
                Files.readAllBytes(other.resolve("com/example/wasm/Hello.class"))));
    }

    /** {@code (module (func (export "swap") (param i32 i32) (result i32 i32) local.get 1 local.get 0))}. */
    private static final byte[] SWAP = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x08, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x02, 0x7f, 0x7f,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x08, 0x01, 0x04, 's', 'w', 'a', 'p', 0x00, 0x00,
        0x0a, 0x08, 0x01, 0x06, 0x00, 0x20, 0x01, 0x20, 0x00, 0x0b};

    @Test
    void severalResultsComeBackAsRawBits() throws Exception {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.AARCH64);
        Path wasm = dir.resolve("src/swap.wasm");
        Files.createDirectories(wasm.getParent());
        Files.write(wasm, SWAP);
        Path images = dir.resolve("wasm-aot");
        var result = BatchCompiler.compile(new BatchRequest(List.of(wasm), List.of(new MatrixCell("current",
                "aarch64")), CompileOptions.of("-", "-"), images));
        assertEquals(List.of(), result.failed());
        Path classes = dir.resolve("classes");
        ClassesDirectoryImages.write(images, classes, dir.resolve("scratch"), Instant.EPOCH);
        BindingGenerator.generate(wasm, "swap", "com.example.wasm", "wamr-2.4", classes);
        try (URLClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedBindingTest.class.getClassLoader())) {
            Class<?> swap = cl.loadClass("com.example.wasm.Swap");
            assertEquals(long[].class, swap.getMethod("swap", int.class, int.class).getReturnType());
            try (AutoCloseable h = (AutoCloseable) swap.getMethod("open").invoke(null)) {
                long[] out = (long[]) call(h, "swap", new Class<?>[] {int.class, int.class}, 7, -1);
                assertEquals(2, out.length);
                assertEquals(0xffffffffL, out[0] & 0xffffffffL);
                assertEquals(7L, out[1]);
            }
        }
    }
}
