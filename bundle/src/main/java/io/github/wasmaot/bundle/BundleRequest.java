package io.github.wasmaot.bundle;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to bundle and where to write it. Build with {@link #builder(Path, Path, String)}.
 *
 * @param imageDirectory  images root, laid out {@code <profile>/<isa>/<name>.aot} (what the compile goal writes
 *                        under {@code target/wasm-aot}); other files there (reports) are ignored
 * @param sourceDirectory where the source {@code .wasm} modules are, or null; an image {@code <name>.aot} takes
 *                        {@code <name>.wasm}, else the longest dot-separated prefix of its name that has a
 *                        {@code .wasm} there ({@code add.bounds-checks.aot} takes {@code add.wasm})
 * @param formats         archive formats to write, at least one
 * @param outputDirectory directory that receives {@code <baseName>.tar.gz} / {@code <baseName>.zip}
 * @param baseName        archive file name without extension
 * @param defaultCompiler compiler version and options of every image without an entry in {@code compilers}, or
 *                        null when unknown
 * @param compilers       compiler version and options per image, keyed by the image's path under
 *                        {@code imageDirectory} ({@code wamr-2.4/x86_64/add.aot}) or by its file name
 *                        ({@code add.aot}); a key that matches no image is an error
 * @param timestamp       modification time of every archive entry (zip stores it to 2 s, in UTC)
 * @param unpackDirectory when not null, every entry of the bundle is also written under this directory (e.g.
 *                        {@code target/classes/META-INF/wasm-aot}, so that the images end up in the jar)
 * @param requireImages   when true, an images root that is missing or holds no image is an error; otherwise
 *                        nothing is written and the result is empty
 */
public record BundleRequest(Path imageDirectory, Path sourceDirectory, Set<BundleFormat> formats,
                            Path outputDirectory, String baseName, CompilerInfo defaultCompiler,
                            Map<String, CompilerInfo> compilers, Instant timestamp, Path unpackDirectory,
                            boolean requireImages) {

    /** Entry time when the build gives none: the zip epoch. */
    public static final Instant DEFAULT_TIMESTAMP = Instant.parse("1980-01-01T00:00:00Z");

    public BundleRequest {
        Objects.requireNonNull(imageDirectory, "imageDirectory");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(baseName, "baseName");
        if (baseName.isBlank() || baseName.contains("/") || baseName.contains("\\")) {
            throw new IllegalArgumentException("bundle base name must be a plain file name, got '" + baseName + "'");
        }
        formats = formats == null || formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one bundle format is required");
        }
        defaultCompiler = defaultCompiler == null || defaultCompiler.isEmpty() ? null : defaultCompiler;
        compilers = compilers == null ? Map.of() : Map.copyOf(compilers);
        timestamp = timestamp == null ? DEFAULT_TIMESTAMP : timestamp;
    }

    /** The archive file a format is written to. */
    public Path archive(BundleFormat format) {
        return outputDirectory.resolve(baseName + "." + format.extension());
    }

    public static Builder builder(Path imageDirectory, Path outputDirectory, String baseName) {
        return new Builder(imageDirectory, outputDirectory, baseName);
    }

    /** Builder for {@link BundleRequest}; defaults: tar.gz only, no sources, fixed timestamp, images required. */
    public static final class Builder {
        private final Path imageDirectory;
        private final Path outputDirectory;
        private final String baseName;
        private Path sourceDirectory;
        private final Set<BundleFormat> formats = EnumSet.noneOf(BundleFormat.class);
        private CompilerInfo defaultCompiler;
        private final Map<String, CompilerInfo> compilers = new LinkedHashMap<>();
        private Instant timestamp;
        private Path unpackDirectory;
        private boolean requireImages = true;

        private Builder(Path imageDirectory, Path outputDirectory, String baseName) {
            this.imageDirectory = imageDirectory;
            this.outputDirectory = outputDirectory;
            this.baseName = baseName;
        }

        public Builder sourceDirectory(Path dir) {
            this.sourceDirectory = dir;
            return this;
        }

        public Builder formats(BundleFormat... f) {
            formats.addAll(List.of(f));
            return this;
        }

        public Builder formats(Set<BundleFormat> f) {
            formats.addAll(f);
            return this;
        }

        public Builder defaultCompiler(CompilerInfo info) {
            this.defaultCompiler = info;
            return this;
        }

        public Builder compiler(String image, CompilerInfo info) {
            compilers.put(image, info);
            return this;
        }

        public Builder timestamp(Instant t) {
            this.timestamp = t;
            return this;
        }

        public Builder unpackDirectory(Path dir) {
            this.unpackDirectory = dir;
            return this;
        }

        public Builder requireImages(boolean required) {
            this.requireImages = required;
            return this;
        }

        public BundleRequest build() {
            Set<BundleFormat> f = formats.isEmpty() ? EnumSet.of(BundleFormat.TAR_GZ) : formats;
            return new BundleRequest(imageDirectory, sourceDirectory, f, outputDirectory, baseName, defaultCompiler,
                    compilers, timestamp, unpackDirectory, requireImages);
        }
    }
}
