package io.github.wasmaot.loader.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bounds-checked typed access to linear memory, as host functions get it. */
class GuestMemoryTest {

    @Test
    void typedValuesAreLittleEndianAndRoundTrip() {
        ByteArrayMemory m = new ByteArrayMemory(new byte[64]);
        m.writeU32(0, 0x1_2345_6789L);
        assertArrayEquals(new byte[] {(byte) 0x89, 0x67, 0x45, 0x23}, m.read(0, 4));
        assertEquals(0x23456789L, m.readU32(0));
        m.writeI32(4, -2);
        assertEquals(-2, m.readI32(4));
        assertEquals(0xfffffffeL, m.readU32(4));
        m.writeI64(8, 0x0102030405060708L);
        assertEquals(0x0102030405060708L, m.readU64(8));
        assertEquals(8, m.readU8(8));
        m.writeF32(16, 1.5f);
        assertEquals(1.5f, m.readF32(16));
        m.writeF64(24, -0.25);
        assertEquals(-0.25, m.readF64(24));
        m.write(32, "héllo".getBytes(StandardCharsets.UTF_8));
        assertEquals("héllo", m.readString(32, 6));
    }

    @Test
    void everyAccessOutsideTheMemoryFaultsWithoutTouchingIt() {
        ByteArrayMemory m = ByteArrayMemory.ofPages(1);
        assertEquals(65536, m.size());
        assertTrue(m.inBounds(65532, 4));
        assertFalse(m.inBounds(65533, 4));
        assertFalse(m.inBounds(-1, 1));
        assertFalse(m.inBounds(0, Long.MAX_VALUE));
        assertFalse(m.inBounds(Long.MAX_VALUE, 1));
        GuestMemoryFault f = assertThrows(GuestMemoryFault.class, () -> m.readU32(65533));
        assertEquals(65533, f.offset());
        assertEquals(4, f.length());
        assertThrows(GuestMemoryFault.class, () -> m.writeI64(65530, 1));
        assertThrows(GuestMemoryFault.class, () -> m.readBytes(0, 0xffffffffL));
        assertThrows(GuestMemoryFault.class, () -> m.readString(65536, 1));
        assertEquals(0, m.readBytes(65536, 0).length);
        for (byte b : m.bytes()) {
            assertEquals(0, b);
        }
        assertThrows(GuestMemoryFault.class, () -> GuestMemory.none().readU8(0));
    }
}
