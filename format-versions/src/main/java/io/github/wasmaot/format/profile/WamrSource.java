package io.github.wasmaot.format.profile;

import java.util.List;

/**
 * Which WAMR the profile describes: releases (tags) or a commit, the commit whose source the profile was
 * read from, and its date.
 */
public record WamrSource(List<String> releases, String commit, String sourceCommit, String date) {
    public WamrSource {
        releases = List.copyOf(releases);
    }
}
