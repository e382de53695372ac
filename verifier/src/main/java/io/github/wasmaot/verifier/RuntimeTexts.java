package io.github.wasmaot.verifier;

import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.profile.RuntimeProfile;
import java.util.Map;

/**
 * The runtime's own error texts, from the profile's loader facts ({@code errors}), with printf-style
 * placeholders filled in. The fallback (the text as read from the loader source) is used only when the
 * facts lack a key.
 */
final class RuntimeTexts {
    private final Map<String, String> errors;

    private RuntimeTexts(Map<String, String> errors) {
        this.errors = errors;
    }

    static RuntimeTexts of(RuntimeProfile profile) {
        return new RuntimeTexts(profile.loaderFacts().map(LoaderFacts::errors).orElse(Map.of()));
    }

    /** Specific key first (e.g. "relocationRange.x86_64"), then the general one, then the fallback. */
    String getFor(String key, String qualifier, String fallback, Object... args) {
        String template = errors.get(key + "." + qualifier);
        return format(template != null ? template : errors.getOrDefault(key, fallback), args);
    }

    String get(String key, String fallback, Object... args) {
        return format(errors.getOrDefault(key, fallback), args);
    }

    static String format(String template, Object... args) {
        StringBuilder sb = new StringBuilder();
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length() && "sdu".indexOf(template.charAt(i + 1)) >= 0
                    && next < args.length) {
                sb.append(args[next++]);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
