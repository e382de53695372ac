package io.github.wasmaot.wasm.decode;

import io.github.wasmaot.wasm.MalformedModuleException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a module binary with the primitive decoders of the binary format: bytes,
 * LEB128 integers (with the exact length and unused-bit rules), floats and UTF-8 names.
 * Reads are bounded by a limit (the end of the current section or function body); running
 * past it is "unexpected end of section or function", running past the end of the binary
 * "unexpected end".
 */
public final class WasmReader {

    private final byte[] bytes;
    private int position;
    private int limit;
    private int depth;

    public WasmReader(byte[] bytes) {
        this.bytes = bytes;
        this.limit = bytes.length;
    }

    public int position() {
        return position;
    }

    public int limit() {
        return limit;
    }

    /**
     * Restricts reads to a section or function body ending at {@code end}; returns the previous
     * limit, to be passed to {@link #leave}.
     */
    public int enter(int end) {
        int old = limit;
        limit = end;
        depth++;
        return old;
    }

    /** Ends the restriction started by the matching {@link #enter}. */
    public void leave(int previousLimit) {
        limit = previousLimit;
        depth--;
    }

    public boolean atFileEnd() {
        return position >= bytes.length;
    }

    public boolean atLimit() {
        return position >= limit;
    }

    public int remaining() {
        return limit - position;
    }

    public int u8() {
        if (position >= limit) {
            throw endError(position);
        }
        return bytes[position++] & 0xff;
    }

    private MalformedModuleException endError(int at) {
        return new MalformedModuleException(depth > 0 ? "unexpected end of section or function" : "unexpected end", at);
    }

    /** The next byte without consuming it. */
    public int peek() {
        if (position >= limit) {
            throw endError(position);
        }
        return bytes[position] & 0xff;
    }

    /** Unsigned 32-bit LEB128 as a non-negative long. */
    public long u32() {
        return leb(32, false);
    }

    /**
     * Unsigned 32-bit LEB128 used as an index, returned as the int with the same bits (compare
     * with {@link Integer#compareUnsigned}, print with {@link Integer#toUnsignedString(int)}).
     */
    public int u32Index() {
        return (int) u32();
    }

    public int s32() {
        return (int) leb(32, true);
    }

    /** Signed 33-bit LEB128 (block type indices). */
    public long s33() {
        return leb(33, true);
    }

    public long s64() {
        return leb(64, true);
    }

    /**
     * Decodes a LEB128 integer of {@code bits} bits. At most ceil(bits/7) bytes are allowed
     * ("integer representation too long"); in the last allowed byte the bits beyond the
     * integer's width must be zero (unsigned) or copies of the sign bit (signed)
     * ("integer too large").
     */
    long leb(int bits, boolean signed) {
        int start = position;
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; i < maxBytes; i++) {
            int at = position;
            int b = lebByte();
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw new MalformedModuleException("integer representation too long", at);
                }
                int usedBits = bits - 7 * (maxBytes - 1);
                if (signed) {
                    int high = (b & 0x7f) >> (usedBits - 1);
                    if (high != 0 && high != (0x7f >> (usedBits - 1))) {
                        throw new MalformedModuleException("integer too large", at);
                    }
                } else if (((b & 0x7f) >> usedBits) != 0) {
                    throw new MalformedModuleException("integer too large", at);
                }
            }
            if ((b & 0x80) == 0) {
                if (position > limit) {
                    throw endError(start);
                }
                if (signed && shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * A byte of a LEB128 number. Like the reference interpreter, an over-long or too-large
     * number is reported as such even when it also runs past the end of its section.
     */
    private int lebByte() {
        if (position >= bytes.length) {
            throw endError(position);
        }
        return bytes[position++] & 0xff;
    }

    public int f32Bits() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= u8() << (8 * i);
        }
        return v;
    }

    public long f64Bits() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) u8() << (8 * i);
        }
        return v;
    }

    /** {@code length} raw bytes as a buffer over the binary (no copy). */
    public ByteBuffer bytes(long length) {
        if (length > remaining()) {
            throw endError(limit);
        }
        ByteBuffer slice = ByteBuffer.wrap(bytes, position, (int) length).slice();
        position += (int) length;
        return slice;
    }

    /** A length-prefixed name, which must be valid UTF-8. */
    public String name() {
        long length = u32();
        int start = position;
        if (length > remaining()) {
            throw new MalformedModuleException("length out of bounds", start);
        }
        ByteBuffer raw = bytes(length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(raw).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedModuleException("malformed UTF-8 encoding", start);
        }
    }

    /** A vector length; each element needs at least one byte, so longer vectors cannot fit. */
    public int vectorLength() {
        int at = position;
        long n = u32();
        if (n > remaining()) {
            throw endError(Math.max(at, limit));
        }
        return (int) n;
    }

    /** A one-bit flag encoded as a LEB128 integer (limits flags). */
    public int flagBit() {
        int at = position;
        int b = u8();
        if ((b & 0x80) != 0) {
            throw new MalformedModuleException("integer representation too long", at);
        }
        return b;
    }

    /** Reads a single byte that must be zero (reserved memory index bytes). */
    public void zeroByte() {
        int at = position;
        if (u8() != 0) {
            throw new MalformedModuleException("zero byte expected", at);
        }
    }
}
