package io.github.wasmaot.loader.binding;

import java.net.URL;

/**
 * One image listed by a {@code META-INF/wasm-aot/manifest.json} on the classpath (the bundle manifest).
 *
 * @param manifest the manifest resource
 * @param path     the image's path relative to the manifest ({@code aot/wamr-2.4/x86_64/hello.aot})
 * @param profile  canonical runtime profile name
 * @param isa      ISA ({@code x86_64}, {@code aarch64})
 * @param sha256   SHA-256 of the image, lower-case hex
 */
record ManifestEntry(URL manifest, String path, String profile, String isa, String sha256) {
    /** Module name: the image's file name without {@code .aot}. */
    String module() {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".aot") ? file.substring(0, file.length() - 4) : file;
    }
}
