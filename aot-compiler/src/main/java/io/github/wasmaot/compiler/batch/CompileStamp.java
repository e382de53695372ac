package io.github.wasmaot.compiler.batch;

import io.github.wasmaot.format.io.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an image was made from, kept beside it as {@code <name>.aot.stamp}: UTF-8 {@code key=value} lines, the first
 * {@code format=}{@value #FORMAT}, then the source module and its SHA-256, the compiler, one {@code option=} line per
 * canonical option, and the SHA-256 of the image written. An image is up to date when its stamp records the inputs
 * a compile would use now and the image still has the recorded hash. The bundle goal reads stamps to record
 * compiler, options and source of compiled images.
 *
 * @param source       the source module
 * @param sourceSha256 SHA-256 of the source module, lower-case hex
 * @param compiler     compiler name and version ({@link CompilerVersion})
 * @param options      canonical options ({@code --runtime=wamr-2.4}, {@code --target=x86_64}, ...)
 * @param imageSha256  SHA-256 of the image written, lower-case hex
 */
public record CompileStamp(Path source, String sourceSha256, String compiler, List<String> options,
                           String imageSha256) {
    /** Value of the stamp's {@code format} line. */
    public static final String FORMAT = "wasm-aot-compile-stamp/1";
    /** Appended to the image's file name. */
    public static final String SUFFIX = ".stamp";

    public CompileStamp {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        Objects.requireNonNull(compiler, "compiler");
        options = List.copyOf(options);
        Objects.requireNonNull(imageSha256, "imageSha256");
        for (String v : List.of(source.toString(), sourceSha256, compiler, imageSha256, String.join("", options))) {
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a stamp value cannot span lines: " + v);
            }
        }
    }

    /** The stamp file of an image. */
    public static Path fileOf(Path image) {
        return image.resolveSibling(image.getFileName() + SUFFIX);
    }

    /** The stamp beside {@code image}; empty when there is none or it is not a complete stamp of this format. */
    public static Optional<CompileStamp> readFor(Path image) {
        Path file = fileOf(image);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("format=" + FORMAT)) {
                return Optional.empty();
            }
            Map<String, String> fields = new HashMap<>();
            List<String> options = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    return Optional.empty();
                }
                String key = line.substring(0, eq);
                String value = line.substring(eq + 1);
                if (key.equals("option")) {
                    options.add(value);
                } else {
                    fields.put(key, value);
                }
            }
            return Optional.of(new CompileStamp(Path.of(fields.get("source")), fields.get("sourceSha256"),
                    fields.get("compiler"), options, fields.get("imageSha256")));
        } catch (IOException | RuntimeException e) {
            // a damaged or partial stamp only means that the image is compiled again
            return Optional.empty();
        }
    }

    /** Writes the stamp beside {@code image}, atomically. */
    public void writeFor(Path image) throws IOException {
        StringBuilder text = new StringBuilder("format=" + FORMAT + "\n");
        text.append("source=").append(source).append('\n');
        text.append("sourceSha256=").append(sourceSha256).append('\n');
        text.append("compiler=").append(compiler).append('\n');
        options.forEach(o -> text.append("option=").append(o).append('\n'));
        text.append("imageSha256=").append(imageSha256).append('\n');
        AtomicOutput.write(fileOf(image), text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
