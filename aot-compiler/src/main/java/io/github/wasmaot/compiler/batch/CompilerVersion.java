package io.github.wasmaot.compiler.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Name and version of this compiler as recorded in stamps and bundle manifests: {@code wasm-aot-compiler 0.1.0}. */
public final class CompilerVersion {
    private static final String POM_PROPERTIES = "/META-INF/maven/io.github.wasmaot/wasm-aot-compiler/pom.properties";
    private static final String NAME = "wasm-aot-compiler";

    private CompilerVersion() {
    }

    /**
     * From the compiler jar's {@code pom.properties}; a build from a class directory (no jar yet) is
     * {@code wasm-aot-compiler (classes)}.
     */
    public static String current() {
        try (InputStream in = CompilerVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return NAME + " " + v.trim();
                }
            }
        } catch (IOException e) {
            // fall through: an unreadable jar entry is as good as none
        }
        return NAME + " (classes)";
    }
}
