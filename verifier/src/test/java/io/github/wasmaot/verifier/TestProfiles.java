package io.github.wasmaot.verifier;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;

/** Built-in profiles for tests; they must carry their loader facts (tests fail, never skip, without them). */
final class TestProfiles {
    private TestProfiles() {
    }

    static RuntimeProfile withFacts(String name) {
        RuntimeProfile p = ProfileCatalog.byNameOrAlias(name)
                .orElseThrow(() -> new AssertionError("no built-in profile " + name));
        if (p.loaderFacts().isEmpty()) {
            throw new AssertionError("profile " + name + " has no loader facts: expected resource "
                    + "io/github/wasmaot/format/loader-facts/" + p.name() + ".json in format-versions");
        }
        return p;
    }

    static String other(String profile) {
        return profile.equals("wamr-cba4c782") ? "wamr-2.4" : "wamr-cba4c782";
    }
}
