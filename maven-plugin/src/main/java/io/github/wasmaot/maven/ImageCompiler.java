package io.github.wasmaot.maven;

import java.util.List;

/**
 * How one image of a bundle was compiled, for its manifest entry: {@code <imageCompiler><image>wamr-2.4/x86_64/app.aot
 * </image><version>wamrc 2.4.4</version><options><option>--bounds-checks=1</option></options></imageCompiler>}.
 */
public class ImageCompiler {
    /** The image: its path under the images root ({@code <profile>/<isa>/<name>.aot}) or its file name. */
    String image;

    /** Compiler name and version, e.g. {@code wamrc 2.4.4}. */
    String version;

    /** Compiler options in order. */
    List<String> options;

    public ImageCompiler() {
    }

    ImageCompiler(String image, String version, List<String> options) {
        this.image = image;
        this.version = version;
        this.options = options;
    }
}
