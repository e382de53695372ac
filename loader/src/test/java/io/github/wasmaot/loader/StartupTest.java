package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Start-up (issue #15): what does not depend on the image is done once per JVM, and a native run does not load
 * what only the emulator needs. Timings are in bench/kernels/run (docs/performance.md "Start-up"), not here.
 */
class StartupTest {
    private static final String IMAGE = "features.wamr-2.4.x86_64.aot";
    private static final String UNICORN = "io.github.wasmaot.loader.backend.emulated.UnicornEngine";

    @Test
    void aSecondOpenOfTheSameImageReusesTheProfileAndFactsParsedOncePerJvm() throws Exception {
        byte[] bytes = AotVectors.byFile(IMAGE).bytes();
        AotModule first = AotModule.open(bytes, IMAGE);
        AotModule second = AotModule.open(bytes.clone(), IMAGE);
        assertSame(first.profile(), second.profile());
        assertSame(first.facts(), second.facts());
        assertSame(first.profile(), AotModule.open(bytes, IMAGE, "wamr-2.4").profile());
        // each open reads its own image: nothing of the first one's is shared with the second
        assertFalse(first.image() == second.image());
        assertEquals(first.functionExports(), second.functionExports());
    }

    @Test
    void choosingTheNativeBackendDoesNotLoadTheEmulator() throws Exception {
        Assumptions.assumeTrue(BackendKind.NATIVE.unavailableReason(Isa.X86_64) == null
                && io.github.wasmaot.loader.backend.nativ.SignalTraps.available(),
                "native backend with fault traps: x86-64 Linux");
        // a class loader of its own, so that what the other tests loaded does not count
        try (Isolated loader = new Isolated()) {
            Class<?> aot = loader.loadClass(AotModule.class.getName());
            Object module = aot.getMethod("open", byte[].class, String.class)
                    .invoke(null, AotVectors.byFile(IMAGE).bytes(), IMAGE);
            Object choice = loader.loadClass(BackendChoice.class.getName()).getMethod("forModule", aot)
                    .invoke(null, module);
            assertEquals("NATIVE", String.valueOf(choice.getClass().getMethod("kind").invoke(choice)));
            assertFalse(loader.loaded(UNICORN), "the emulator's engine was loaded to choose the native backend");
            // and the check means something: asking for the emulator does load it
            Class<?> kind = loader.loadClass(BackendKind.class.getName());
            Class<?> isa = loader.loadClass(Isa.class.getName());
            Method reason = kind.getMethod("unavailableReason", isa);
            reason.invoke(kind.getField("EMULATED").get(null), isa.getField("AARCH64").get(null));
            assertTrue(loader.loaded(UNICORN));
        }
    }

    /** Loads the loader's classes itself (child first), everything else from the test's class loader. */
    private static final class Isolated extends URLClassLoader {
        Isolated() throws Exception {
            super(urls(), StartupTest.class.getClassLoader());
        }

        private static URL[] urls() throws Exception {
            List<URL> urls = new ArrayList<>();
            for (Class<?> c : new Class<?>[] {AotModule.class}) {
                urls.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL());
            }
            return urls.toArray(URL[]::new);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("io.github.wasmaot.loader.")) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        c = findClass(name);
                    }
                    if (resolve) {
                        resolveClass(c);
                    }
                    return c;
                }
                return super.loadClass(name, resolve);
            }
        }

        boolean loaded(String name) {
            Class<?> c = findLoadedClass(name);
            if (c != null) {
                assertNotNull(c.getClassLoader());
            }
            return c != null;
        }
    }
}
