package io.github.wasmaot.bundle;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Bundler#bundle} wrote.
 *
 * @param images          the bundled images, in archive order; empty when there was nothing to bundle and the
 *                        request allowed that (then nothing was written)
 * @param archives        the archive written per format, in format order
 * @param entries         every entry name of the archives, in archive order
 * @param manifest        the {@code manifest.json} bytes stored in the archives
 * @param unpackDirectory where the entries were also written, when the request asked for it
 */
public record BundleResult(List<BundledImage> images, Map<BundleFormat, Path> archives, List<String> entries,
                           byte[] manifest, Optional<Path> unpackDirectory) {
    public BundleResult {
        images = List.copyOf(images);
        EnumMap<BundleFormat, Path> sorted = new EnumMap<>(BundleFormat.class);
        sorted.putAll(archives);
        archives = Collections.unmodifiableMap(sorted);
        entries = List.copyOf(entries);
    }

    /** True when there was no image and nothing was written. */
    public boolean isEmpty() {
        return images.isEmpty();
    }
}
