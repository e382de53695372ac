package io.github.wasmaot.format.section.init;

import io.github.wasmaot.format.section.AotString;

/** A data section of the compiled object (.data, .rodata, .rodata.cst16...). */
public record ObjectDataSection(AotString name, byte[] data) {
    public ObjectDataSection {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
