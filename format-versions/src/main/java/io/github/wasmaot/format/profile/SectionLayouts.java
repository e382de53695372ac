package io.github.wasmaot.format.profile;

/** Names of the codecs that read and write each section body under a profile. */
public record SectionLayouts(String targetInfo, String initData, String text, String function, String export,
                             String relocation) {
}
