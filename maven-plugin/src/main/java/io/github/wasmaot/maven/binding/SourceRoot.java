package io.github.wasmaot.maven.binding;

import java.util.List;
import java.util.Locale;

/**
 * Which javac source root receives the bindings' Java sources: the one whose classpath has the loader the sources
 * import ({@code io.github.wasmaot.loader}). The main root when the project depends on {@code wasm-aot-loader} at
 * compile, provided or system scope; the test root when only its tests do; none when the loader is not a declared
 * dependency (the sources would not compile, and the classes could not run either).
 */
public enum SourceRoot {
    MAIN, TEST, NONE;

    /** Artifact id of the loader the generated sources import. */
    public static final String LOADER_ARTIFACT = "wasm-aot-loader";

    /** A declared dependency: group id, artifact id and scope (null or blank means compile). */
    public record Dependency(String groupId, String artifactId, String scope) {
    }

    /** The root for a project that declares {@code dependencies} and whose loader has group id {@code groupId}. */
    public static SourceRoot of(List<Dependency> dependencies, String groupId) {
        SourceRoot best = NONE;
        for (Dependency d : dependencies) {
            if (!LOADER_ARTIFACT.equals(d.artifactId()) || !groupId.equals(d.groupId())) {
                continue;
            }
            String scope = d.scope() == null || d.scope().isBlank() ? "compile" : d.scope().toLowerCase(Locale.ROOT);
            switch (scope) {
                case "compile", "provided", "system" -> {
                    return MAIN;
                }
                case "test" -> best = TEST;
                default -> {
                    // runtime scope: on no javac classpath
                }
            }
        }
        return best;
    }
}
