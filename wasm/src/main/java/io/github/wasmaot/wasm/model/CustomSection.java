package io.github.wasmaot.wasm.model;

import java.nio.ByteBuffer;

/** A custom section: its name and its raw content (read-only view). */
public record CustomSection(String name, ByteBuffer content, int offset) {
    public CustomSection {
        content = content.asReadOnlyBuffer();
    }
}
