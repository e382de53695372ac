package io.github.wasmaot.format.layout;

import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.TargetInfo;
import io.github.wasmaot.format.section.TextSection;

/**
 * What a section codec may need from sections before it: the profile, the target info (pointer width),
 * the init data (function and type counts) and the text section (code size).
 */
public final class LayoutContext {
    private final RuntimeProfile profile;
    private TargetInfo targetInfo;
    private InitDataSection initData;
    private TextSection text;

    public LayoutContext(RuntimeProfile profile) {
        this.profile = profile;
    }

    public RuntimeProfile profile() {
        return profile;
    }

    public TargetInfo targetInfo() {
        return targetInfo;
    }

    public InitDataSection initData() {
        return initData;
    }

    public TextSection text() {
        return text;
    }

    public void setTargetInfo(TargetInfo t) {
        this.targetInfo = t;
    }

    public void setInitData(InitDataSection d) {
        this.initData = d;
    }

    public void setText(TextSection t) {
        this.text = t;
    }

    /** Pointer size of the image's target (8 unless the target info says 32-bit). */
    public int pointerSize() {
        return targetInfo == null ? 8 : targetInfo.pointerSize();
    }
}
