package io.github.wasmaot.verifier;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.Export;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.SectionKind;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Duplicate export names: refused by loaders whose facts list the "exportDuplicate" error (newer WAMR),
 * a warning for the others, which keep the first.
 */
final class ExportCheck {
    private ExportCheck() {
    }

    static void run(AotImage image, RuntimeProfile profile, FindingList out) {
        PlacedSection placed = image.placed(SectionKind.EXPORT).orElseThrow();
        Optional<String> text = profile.loaderFacts().flatMap(f -> f.error("exportDuplicate"));
        Set<String> seen = new HashSet<>();
        boolean first = !out.hasErrors();
        for (Export e : image.exports().exports()) {
            String name = e.name().text();
            if (!seen.add(name)) {
                String message = "export name \"" + name + "\" appears twice";
                if (text.isPresent()) {
                    out.error(FindingCode.DUPLICATE_EXPORT, "export", placed.bodyOffset(), message,
                            first ? text.get() : null);
                    first = false;
                } else {
                    out.warning(FindingCode.DUPLICATE_EXPORT, "export", placed.bodyOffset(), message
                            + " (" + profile.name() + " does not check)");
                }
            }
        }
    }
}
