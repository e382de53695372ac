package io.github.wasmaot.format.io;

/**
 * Entry paths of a bundle: relative paths inside it. A path with a scheme or drive ({@code :}), a {@code ..} or
 * {@code .} segment, a leading {@code /}, a backslash, an empty segment or a control character is refused, so that
 * a manifest can never point outside its bundle. One rule for the bundle verifier and for the loader's bindings,
 * which read a manifest's images from the class path.
 */
public final class BundlePaths {
    private BundlePaths() {
    }

    /** Why {@code path} is no relative path inside a bundle, or null when it is one. */
    public static String problem(String path) {
        if (path == null || path.isEmpty()) {
            return "empty path";
        }
        if (path.indexOf(':') >= 0) {
            return "a scheme or drive (':') is not allowed";
        }
        if (path.indexOf('\\') >= 0) {
            return "a backslash is not allowed";
        }
        if (path.startsWith("/")) {
            return "an absolute path is not allowed";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "a control character is not allowed";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return "a '" + segment + "' segment is not allowed";
            }
            if (segment.isEmpty()) {
                return "an empty segment is not allowed";
            }
        }
        return null;
    }
}
