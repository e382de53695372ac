package io.github.wasmaot.format.facts;

import java.util.List;

/** Where the loader facts were read: repository, commit, files. */
public record FactsSource(String repo, String commit, List<String> files) {
    public FactsSource {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
