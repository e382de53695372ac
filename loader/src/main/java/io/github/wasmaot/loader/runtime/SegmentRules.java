package io.github.wasmaot.loader.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * How a pinned runtime's segment helpers behave where the runtimes differ (see segment-rules.properties for
 * each rule's WAMR source). Unknown profiles get the Wasm spec's behaviour.
 */
record SegmentRules(boolean activeSegmentsDropped, boolean tableInitZeroLengthFirst,
                    boolean tableInitRefusesUnavailable, boolean declarativeSegmentsDropped) {
    private static final Properties RULES = load();

    static SegmentRules forProfile(String profile) {
        return new SegmentRules(rule(profile, "activeSegmentsDropped", true),
                rule(profile, "tableInitZeroLengthFirst", false),
                rule(profile, "tableInitRefusesUnavailable", false),
                rule(profile, "declarativeSegmentsDropped", true));
    }

    private static boolean rule(String profile, String name, boolean spec) {
        String v = RULES.getProperty(profile + "." + name);
        return v == null ? spec : Boolean.parseBoolean(v.strip());
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = SegmentRules.class.getResourceAsStream("segment-rules.properties")) {
            if (in == null) {
                throw new IllegalStateException("segment-rules.properties missing from the loader jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
