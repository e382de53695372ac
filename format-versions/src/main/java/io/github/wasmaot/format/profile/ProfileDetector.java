package io.github.wasmaot.format.profile;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.ImageHeader;
import io.github.wasmaot.format.layout.LayoutRegistry;
import io.github.wasmaot.format.section.SectionKind;
import java.util.Optional;

/** Says which profile family wrote an image, from its AOT version and target-info section size. */
public final class ProfileDetector {
    private ProfileDetector() {
    }

    /** What the header says about who wrote the image. */
    public record Detection(long aotVersion, long targetInfoSize, Optional<ProfileFamily> family) {
        /** First profile of the family whose layouts all have codecs. */
        public Optional<RuntimeProfile> readableProfile() {
            return family.flatMap(f -> f.profiles().stream().filter(ProfileDetector::readable).findFirst());
        }

        public String describe() {
            return family.map(ProfileFamily::label).orElse("unknown writer (AOT v" + aotVersion + ", "
                    + targetInfoSize + "-byte target info)");
        }
    }

    public static Detection detect(byte[] image, String fileName) throws AotFormatException {
        return detect(image, fileName, ProfileCatalog.builtIn());
    }

    public static Detection detect(byte[] image, String fileName, ProfileCatalog catalog)
            throws AotFormatException {
        ImageHeader header = ImageHeader.read(image, fileName);
        if (catalog.forAotVersion(header.version()).isEmpty()) {
            throw new AotFormatException(fileName, "header", 4, "AOT version " + header.version()
                    + " is not written by any known WAMR", "unknown binary version");
        }
        ByteReader in = ByteReader.over(image, fileName);
        in.skip(8);
        long id = in.u32();
        if (id != SectionKind.TARGET_INFO.id()) {
            throw in.errorAt(8, "first section is " + id + ", not target info", "invalid section order");
        }
        long size = in.u32();
        return new Detection(header.version(), size, catalog.familyOf(header.version(), size));
    }

    static boolean readable(RuntimeProfile p) {
        return LayoutRegistry.supports(p.layouts());
    }
}
