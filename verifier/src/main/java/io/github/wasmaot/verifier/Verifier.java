package io.github.wasmaot.verifier;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.facts.IsaSupport;
import io.github.wasmaot.format.io.ImageHeader;
import io.github.wasmaot.format.io.SectionHeader;
import io.github.wasmaot.format.layout.LayoutRegistry;
import io.github.wasmaot.format.profile.RuntimeProfile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Proves before deployment whether a pinned runtime would load an AOT image: runs the loader's checks in
 * the loader's order and reports each defect with the runtime's own error text. Never throws for bad input.
 */
public final class Verifier {
    private Verifier() {
    }

    public static VerificationResult verify(byte[] image, RuntimeProfile profile, Target target) {
        return verify(image, "image", profile, target);
    }

    /**
     * @param fileName used in messages only
     * @param target   ISA the runtime is built for, or null to accept the image's own ISA
     */
    public static VerificationResult verify(byte[] image, String fileName, RuntimeProfile profile, Target target) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(profile, "profile");
        FindingList out = new FindingList();
        String targetName = target == null ? "(image's own ISA)" : target.isa();
        try {
            check(image, fileName, profile, target, out);
        } catch (RuntimeException | StackOverflowError e) {
            out.error(FindingCode.INTERNAL, "image", -1, "verifier failed: " + e, null);
        }
        return new VerificationResult(fileName, profile.name(), targetName, out.list());
    }

    private static void check(byte[] image, String fileName, RuntimeProfile profile, Target target,
                              FindingList out) {
        Optional<ImageHeader> header = HeaderCheck.run(image, fileName, profile, out);
        if (header.isEmpty()) {
            return;
        }
        Optional<List<SectionHeader>> sections = SectionLayoutCheck.run(image, fileName, header.get().version(),
                profile, out);
        if (sections.isEmpty()) {
            return;
        }
        Optional<TargetInfoCheck.Outcome> ti = TargetInfoCheck.run(image, fileName, profile, target,
                sections.get().get(0), out);
        if (ti.isEmpty()) {
            return;
        }
        if (!LayoutRegistry.supports(profile.layouts())) {
            out.warning(FindingCode.LAYOUT_NOT_IMPLEMENTED, "init_data", -1, profile.name()
                    + "'s section body layouts are not decoded by this version of wasm-aot; header and target"
                    + " info were checked, section bodies and relocations were not");
            return;
        }
        AotImage decoded;
        try {
            decoded = AotReader.read(image, fileName, profile);
        } catch (AotFormatException e) {
            out.fromReader(e, FindingCode.MALFORMED_SECTION);
            return;
        }
        // in the runtime's order: init data, exports, duplicate names, relocations, then what instantiation uses
        ModuleIndexCheck.runLoad(decoded, profile, out);
        ExportCheck.run(decoded, profile, out);
        Optional<IsaSupport> isa = profile.loaderFacts().flatMap(f -> f.isa(ti.get().isa()));
        if (isa.isPresent()) {
            RelocationCheck.run(decoded, isa.get(), ti.get().isa(), profile.loaderFacts().orElseThrow(), profile.name(),
                    RuntimeTexts.of(profile), out);
        }
        ModuleIndexCheck.runInstantiate(decoded, profile, out);
    }
}
