package io.github.wasmaot.maven;

import java.io.File;

/**
 * Run without a project ({@code requiresProject = false}), Maven's stub project leaves {@code ${project.basedir}}
 * unresolved inside {@code ${project.build.directory}}; this puts such a path back under the base directory.
 */
final class Standalone {
    private static final String TOKEN = "${project.basedir}";

    private Standalone() {
    }

    static File resolve(File dir, File basedir) {
        if (dir == null) {
            return null;
        }
        String path = dir.getPath();
        int at = path.indexOf(TOKEN);
        return at < 0 ? dir : new File(basedir, path.substring(at + TOKEN.length()));
    }
}
