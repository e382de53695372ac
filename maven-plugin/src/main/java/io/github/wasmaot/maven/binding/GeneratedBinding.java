package io.github.wasmaot.maven.binding;

import java.nio.file.Path;
import java.util.List;

/**
 * A binding class written by {@link BindingGenerator}.
 *
 * @param className fully qualified class name
 * @param file      the class file
 * @param source    its Java source, or null when none was written
 * @param methods   one {@code method(export signature)} per bound export
 * @param skipped   exports without a method, with the reason
 */
public record GeneratedBinding(String className, Path file, Path source, List<String> methods, List<String> skipped) {
}
