package io.github.wasmaot.bundle;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Archive formats a bundle can be written in; the extension is also the attached artifact's type. */
public enum BundleFormat {
    /** A POSIX (pax) tar archive, gzip-compressed. */
    TAR_GZ("tar.gz"),
    /** A zip archive, entries deflated. */
    ZIP("zip");

    private final String extension;

    BundleFormat(String extension) {
        this.extension = extension;
    }

    /** File extension without the leading dot: {@code tar.gz} or {@code zip}. */
    public String extension() {
        return extension;
    }

    /** Parses {@code tar.gz} (also {@code tgz}, {@code tar_gz}) or {@code zip}, ignoring case and blanks. */
    public static BundleFormat parse(String text) throws BundleException {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "tar.gz", "tgz", "tar_gz" -> TAR_GZ;
            case "zip" -> ZIP;
            default -> throw new BundleException("unknown bundle format '" + text + "'; known: "
                    + Arrays.stream(values()).map(BundleFormat::extension).collect(Collectors.joining(", ")));
        };
    }
}
