package io.github.wasmaot.maven.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wasmaot.maven.binding.SourceRoot.Dependency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binding sources go where javac has the loader they import on its classpath. */
class SourceRootTest {
    private static final String G = "io.github.wasmaot";

    @Test
    void compileScopedLoaderMeansMainRoot() {
        assertEquals(SourceRoot.MAIN, SourceRoot.of(List.of(new Dependency(G, "wasm-aot-loader", null)), G));
        assertEquals(SourceRoot.MAIN, SourceRoot.of(List.of(new Dependency(G, "wasm-aot-loader", "")), G));
        assertEquals(SourceRoot.MAIN, SourceRoot.of(List.of(new Dependency(G, "wasm-aot-loader", "provided")), G));
        // a test-scoped declaration next to a compile-scoped one (e.g. from a profile) does not demote it
        assertEquals(SourceRoot.MAIN, SourceRoot.of(List.of(new Dependency(G, "wasm-aot-loader", "test"),
                new Dependency(G, "wasm-aot-loader", "compile")), G));
    }

    @Test
    void testScopedLoaderMeansTestRoot() {
        assertEquals(SourceRoot.TEST, SourceRoot.of(List.of(new Dependency("org.junit.jupiter", "junit-jupiter",
                "test"), new Dependency(G, "wasm-aot-loader", "test")), G));
    }

    @Test
    void noLoaderOrRuntimeScopeOrAnotherGroupMeansNoRoot() {
        assertEquals(SourceRoot.NONE, SourceRoot.of(List.of(), G));
        assertEquals(SourceRoot.NONE, SourceRoot.of(List.of(new Dependency(G, "wasm-aot-loader", "runtime")), G));
        assertEquals(SourceRoot.NONE, SourceRoot.of(List.of(new Dependency("com.example", "wasm-aot-loader", null)), G));
        assertEquals(SourceRoot.NONE, SourceRoot.of(List.of(new Dependency(G, "wasm-aot-verifier", null)), G));
    }
}
