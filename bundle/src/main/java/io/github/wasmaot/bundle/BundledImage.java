package io.github.wasmaot.bundle;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One image of a bundle, as its manifest entry records it.
 *
 * @param path       entry name in the archive ({@code aot/wamr-2.4/x86_64/add.aot})
 * @param file       the image file that was bundled
 * @param profile    canonical name of the runtime profile the image is filed under and was read as
 * @param isa        ISA read from the image's target info ({@code x86_64}, {@code aarch64})
 * @param aotVersion AOT format version read from the image header
 * @param size       image size in bytes
 * @param sha256     SHA-256 of the image, lower-case hex
 * @param wasm       the source module, when found
 * @param compiler   how the image was compiled, when the request says so
 */
public record BundledImage(String path, Path file, String profile, String isa, long aotVersion, long size,
                           String sha256, Optional<Source> wasm, Optional<CompilerInfo> compiler) {

    /**
     * The wasm module an image was compiled from.
     *
     * @param path   entry name in the archive ({@code wasm/add.wasm})
     * @param file   the module file that was bundled
     * @param size   size in bytes
     * @param sha256 SHA-256 of the module, lower-case hex
     */
    public record Source(String path, Path file, long size, String sha256) {
    }
}
