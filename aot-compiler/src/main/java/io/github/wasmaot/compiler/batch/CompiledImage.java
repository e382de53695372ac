package io.github.wasmaot.compiler.batch;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An image under a compile output root, filed {@code <profile>/<isa>/<name>.aot}.
 *
 * @param file    the image
 * @param profile canonical name of the profile its directory names
 * @param isa     the ISA its directory names
 * @param name    module name (file name without {@code .aot})
 * @param stamp   what it was compiled from, when a batch wrote it
 */
public record CompiledImage(Path file, String profile, String isa, String name, Optional<CompileStamp> stamp) {
}
