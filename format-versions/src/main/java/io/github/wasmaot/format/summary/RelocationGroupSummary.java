package io.github.wasmaot.format.summary;

import java.util.Map;

/** Relocation counts of one group, total and by relocation kind name. */
public record RelocationGroupSummary(String group, int count, Map<String, Integer> byKind) {
    public RelocationGroupSummary {
        byKind = Map.copyOf(byKind);
    }
}
