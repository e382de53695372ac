package io.github.wasmaot.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.loader.binding.BindingException;
import io.github.wasmaot.loader.binding.BoundModule;
import org.junit.jupiter.api.Test;

/** Calls hello.wasm through the class wasm-aot:compile generated from it (io.github.wasmaot.it.Hello). */
class HelloTest {
    @Test
    void theGeneratedClassCallsTheModule() {
        try (Hello hello = Hello.open()) {
            assertEquals(5, hello.add(2, 3));
            assertEquals(-2, hello.add(-1, -1));
            assertEquals(6765, hello.fib(20));
            assertEquals(3L << 32, hello.mul64(1L << 32, 3));
            assertEquals(1.25, hello.half(2.5));
            BoundModule bound = hello.boundModule();
            // the first runtime of the compile matrix, the host's ISA
            assertEquals("wamr-2.4", bound.profile());
            assertEquals(Hello.DEFAULT_PROFILE, bound.profile());
            assertEquals(System.getProperty("os.arch").replace("amd64", "x86_64").replace("arm64", "aarch64"),
                    bound.isa());
            assertEquals(64, bound.imageSha256().length());
        }
    }

    @Test
    void mainCodeCallsTheGeneratedClass() {
        assertArrayEquals(new int[] {0, 1, 1, 2, 3, 5, 8, 13}, Fibs.first(8));
    }

    @Test
    void theLegacyImageIsOnTheClasspathToo() {
        try (Hello hello = Hello.open("legacy")) {
            assertEquals("wamr-cba4c782", hello.boundModule().profile());
            assertEquals(55, hello.fib(10));
        }
    }

    @Test
    void aProfileThatWasNotCompiledIsRefused() {
        BindingException e = assertThrows(BindingException.class, () -> Hello.open("wamr-2.3"));
        assertTrue(e.getMessage().startsWith("no image of module hello for wamr-2.3"), e.getMessage());
    }
}
