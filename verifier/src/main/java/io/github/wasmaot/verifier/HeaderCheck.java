package io.github.wasmaot.verifier;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ImageHeader;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.ProfileDetector;
import io.github.wasmaot.format.profile.RuntimeProfile;
import java.util.Optional;

/** Magic and AOT version, and which profile family wrote the image. */
final class HeaderCheck {
    /** Offset of the first section's size field: magic (4), version (4), section id (4). */
    private static final long TARGET_INFO_SIZE_FIELD = 12;
    private HeaderCheck() {
    }

    /** @return the header if the runtime gets past it */
    static Optional<ImageHeader> run(byte[] image, String fileName, RuntimeProfile profile, FindingList out) {
        ImageHeader header;
        try {
            header = ImageHeader.read(image, fileName);
        } catch (AotFormatException e) {
            FindingCode code = "magic header not detected".equals(e.runtimeText().orElse(null))
                    ? FindingCode.MAGIC : FindingCode.TRUNCATED;
            out.error(code, "header", e.offset(), e.reason(), e.runtimeText().orElse(null));
            return Optional.empty();
        }
        ProfileCatalog catalog = ProfileCatalog.builtIn();
        Optional<ProfileDetector.Detection> detected;
        String family;
        try {
            detected = Optional.of(ProfileDetector.detect(image, fileName));
            family = detected.get().describe();
        } catch (AotFormatException e) {
            detected = Optional.empty();
            family = "an unknown writer (" + e.reason() + ")";
        }
        if (!profile.acceptsAotVersion(header.version())) {
            out.error(FindingCode.AOT_VERSION, "header", 4, "image is AOT version " + header.version()
                    + " (accepted by " + catalog.releasesAccepting(header.version()) + "; written by "
                    + family + "), but " + profile.name() + " (" + profile.releasesLabel()
                    + ") only loads AOT version " + profile.acceptedAotVersionsLabel(),
                    RuntimeTexts.of(profile).get("version", "unknown binary version"));
            detected.ifPresent(d -> targetInfoBehindVersion(d, profile, out));
            return Optional.empty();
        }
        out.info(FindingCode.PROFILE_FAMILY, "header", 4, "written by " + family);
        return Optional.of(header);
    }

    /**
     * The runtime stops at the version, but a user moving an image between runtimes needs the next wall too:
     * the target-info layout. Reported when the image's target-info section is not the size the profile reads,
     * with the text the profile's loader gives for that size (larger: "invalid section size"; smaller: it runs
     * off the end).
     */
    private static void targetInfoBehindVersion(ProfileDetector.Detection detected, RuntimeProfile profile,
                                                FindingList out) {
        long imageSize = detected.targetInfoSize();
        int wanted = profile.targetInfo().size();
        if (imageSize == wanted) {
            return;
        }
        RuntimeTexts texts = RuntimeTexts.of(profile);
        String text = imageSize > wanted ? texts.get("sectionSize", "invalid section size")
                : texts.get("unexpectedEnd", "unexpect end");
        out.error(FindingCode.TARGET_INFO_SIZE, "target_info", TARGET_INFO_SIZE_FIELD, "target-info section is "
                + imageSize + " bytes (layout of " + detected.describe() + "), but " + profile.name() + " reads "
                + wanted + " bytes; even with a matching AOT version this runtime would refuse it", text);
    }
}
