package io.github.wasmaot.verifier;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.io.SectionHeader;
import io.github.wasmaot.format.io.SectionWalker;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.ProfileFamily;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.profile.SectionRule;
import io.github.wasmaot.format.section.SectionKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Section ids, truncation, order, duplicates, missing sections, and the target-info size. */
final class SectionLayoutCheck {
    private SectionLayoutCheck() {
    }

    static Optional<List<SectionHeader>> run(byte[] image, String fileName, long version, RuntimeProfile profile,
                                             FindingList out) {
        List<SectionHeader> headers;
        try {
            headers = SectionWalker.walk(image, fileName, profile);
        } catch (AotFormatException e) {
            out.fromReader(e, FindingCode.SECTION_ID);
            return Optional.empty();
        }
        RuntimeTexts texts = RuntimeTexts.of(profile);
        String orderText = texts.get("sectionOrder", "invalid section order");
        boolean firstError = true;
        Set<Long> seen = new HashSet<>();
        long last = -1;
        for (SectionHeader h : headers) {
            String name = label(h.id());
            boolean custom = profile.isCustomSectionId(h.id());
            if (!custom && !seen.add(h.id())) {
                out.error(FindingCode.DUPLICATE_SECTION, name, h.headerOffset(), "second " + name + " section",
                        firstError ? orderText : null);
                firstError = false;
            } else if (last == -1 ? h.id() != SectionKind.TARGET_INFO.id() : h.id() != last + 1 && !custom) {
                out.error(FindingCode.SECTION_ORDER, name, h.headerOffset(), name + " section follows "
                        + (last == -1 ? "the file header" : label(last)) + "; " + profile.name()
                        + " needs target_info first and each next id one higher",
                        firstError ? orderText : null);
                firstError = false;
            }
            last = h.id();
        }
        // The loader itself only notices a missing section when the list does not end with relocation/custom.
        boolean loaderNotices = last != SectionKind.RELOCATION.id() && !profile.isCustomSectionId(last);
        for (SectionRule rule : profile.sections()) {
            if (rule.required() && !seen.contains((long) rule.id())) {
                out.error(FindingCode.SECTION_MISSING, rule.name(), -1, "required " + rule.name()
                        + " section is missing", firstError && loaderNotices
                                ? texts.get("sectionMissing", "section missing") : null);
                firstError = false;
            }
        }
        if (out.hasErrors()) {
            return Optional.empty();
        }
        SectionHeader ti = headers.get(0);
        int expected = profile.targetInfo().size();
        if (ti.size() != expected) {
            String writer = ProfileCatalog.builtIn().familyOf(version, ti.size()).map(ProfileFamily::label)
                    .orElse("no known WAMR");
            // The loader reads its fields first: a short section runs out, a long one has bytes left over.
            String text = ti.size() > expected ? texts.get("sectionSize", "invalid section size")
                    : texts.get("unexpectedEnd", "unexpect end");
            out.error(FindingCode.TARGET_INFO_SIZE, "target_info", ti.headerOffset() + 4L, "target info is "
                    + ti.size() + " bytes (layout of " + writer + "), " + profile.name() + " reads "
                    + expected + " bytes", text);
            return Optional.empty();
        }
        return Optional.of(headers);
    }

    static String label(long id) {
        return SectionKind.byId(id).map(SectionKind::label).orElse("section#" + id);
    }
}
