package io.github.wasmaot.format.profile;

import io.github.wasmaot.format.profile.runtime.RuntimeData;
import java.util.List;

/**
 * The data of one {@code <name>.profile.json} resource.
 *
 * @param sectionIdLimit section ids below this are standard sections the loader accepts
 * @param customSectionId id of custom sections, or null if the loader rejects them
 * @param sectionOrder "consecutive": target_info first, each next section's id is the previous id + 1
 * @param verified how the layouts were checked (e.g. "round-trip of real wamrc vectors", "source reading")
 * @param runtime the runtime's structs and iwasm's behaviour, or null when the profile has no such data
 * @param codegen what a compiler needs to target this runtime, or null when the profile has no codegen data
 */
public record ProfileDefinition(String name, List<String> aliases, String description, WamrSource wamr,
                                int aotVersion, long magic, TargetInfoLayout targetInfo, List<SectionRule> sections,
                                int sectionIdLimit, Integer customSectionId, String sectionOrder,
                                SectionLayouts layouts, String verified,
                                RuntimeData runtime, CodegenData codegen) {
    public ProfileDefinition {
        aliases = List.copyOf(aliases);
        sections = List.copyOf(sections);
    }
}
