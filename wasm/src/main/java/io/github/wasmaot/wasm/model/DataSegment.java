package io.github.wasmaot.wasm.model;

import java.nio.ByteBuffer;

/** A data segment; {@link #bytes()} is a read-only view. */
public record DataSegment(ByteBuffer bytes, DataMode mode, int offset) {
    public DataSegment {
        bytes = bytes.asReadOnlyBuffer();
    }
}
