package io.github.wasmaot.format.profile;

import io.github.wasmaot.format.profile.runtime.RuntimeData;
import java.util.List;
import java.util.Map;

/**
 * The data of one {@code <name>.profile.json} resource.
 *
 * @param sectionIdLimit section ids below this are standard sections the loader accepts
 * @param customSectionId id of custom sections, or null if the loader rejects them
 * @param sectionOrder "consecutive": target_info first, each next section's id is the previous id + 1
 * @param verified how the layouts were checked (e.g. "round-trip of real wamrc vectors", "source reading")
 * @param runtime the runtime's structs and iwasm's behaviour, or null when the profile has no such data
 * @param codegen what a compiler needs to target this runtime, or null when the profile has no codegen data
 * @param acceptedAotVersions the AOT versions the runtime's loader takes ({@code aot_compatible_version}); absent:
 *                            only {@code aotVersion}
 * @param excludedReleases releases of the same line this profile deliberately does not cover, with the reason
 * @param releaseNotes per covered release, where its loader differs from the pinned one without moving the ABI
 * @param judged what of ours ran on this profile's real runtime, and with what result (each with its date; details and
 *               commands in docs/compat.md); empty: not yet judged
 */
public record ProfileDefinition(String name, List<String> aliases, String description, WamrSource wamr,
                                int aotVersion, long magic, TargetInfoLayout targetInfo, List<SectionRule> sections,
                                int sectionIdLimit, Integer customSectionId, String sectionOrder,
                                SectionLayouts layouts, String verified,
                                RuntimeData runtime, CodegenData codegen, List<Integer> acceptedAotVersions,
                                Map<String, String> excludedReleases, Map<String, String> releaseNotes,
                                List<String> judged) {
    public ProfileDefinition {
        aliases = List.copyOf(aliases);
        sections = List.copyOf(sections);
        acceptedAotVersions = acceptedAotVersions == null ? List.of(aotVersion) : List.copyOf(acceptedAotVersions);
        if (!acceptedAotVersions.contains(aotVersion)) {
            throw new ProfileDataException("profile " + name + " writes AOT version " + aotVersion
                    + " but its acceptedAotVersions " + acceptedAotVersions + " do not include it");
        }
        excludedReleases = excludedReleases == null ? Map.of() : Map.copyOf(excludedReleases);
        releaseNotes = releaseNotes == null ? Map.of() : Map.copyOf(releaseNotes);
        judged = judged == null ? List.of() : List.copyOf(judged);
    }
}
