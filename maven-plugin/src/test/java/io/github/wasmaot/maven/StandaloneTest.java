package io.github.wasmaot.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import org.junit.jupiter.api.Test;

class StandaloneTest {
    private final File basedir = new File("/work/app");

    @Test
    void unresolvedBasedirIsPutBackUnderTheBaseDirectory() {
        File dir = new File("/work/app/${project.basedir}/target/wasm-aot");
        assertEquals(new File("/work/app/target/wasm-aot"), Standalone.resolve(dir, basedir));
    }

    @Test
    void resolvedPathsStayAsConfigured() {
        File dir = new File("/elsewhere/build/wasm-aot");
        assertEquals(dir, Standalone.resolve(dir, basedir));
        assertNull(Standalone.resolve(null, basedir));
    }
}
