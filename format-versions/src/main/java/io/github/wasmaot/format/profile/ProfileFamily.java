package io.github.wasmaot.format.profile;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Profiles that write images indistinguishable by header: same AOT version and target-info size.
 */
public record ProfileFamily(int aotVersion, int targetInfoSize, List<RuntimeProfile> profiles) {
    public ProfileFamily {
        profiles = List.copyOf(profiles);
    }

    /** e.g. "wamr-cba4c782/wamr-1.3 (AOT v3, 36-byte target info)". */
    public String label() {
        return names() + " (AOT v" + aotVersion + ", " + targetInfoSize + "-byte target info)";
    }

    public String names() {
        return profiles.stream().map(RuntimeProfile::name).collect(Collectors.joining("/"));
    }

    public String releases() {
        return profiles.stream().map(RuntimeProfile::releasesLabel).collect(Collectors.joining("; "));
    }

    public boolean contains(RuntimeProfile p) {
        return profiles.stream().anyMatch(x -> x.name().equals(p.name()));
    }
}
