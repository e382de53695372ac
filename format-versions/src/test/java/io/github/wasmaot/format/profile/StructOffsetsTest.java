package io.github.wasmaot.format.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StructOffsetsTest {
    @Test
    void evaluatesTheFormOfWamrsStaticAsserts() {
        assertEquals(320, StructOffsets.value("13*ptr + 128 + 11*ptr", "t"));
        assertEquals(344, StructOffsets.value("13*ptr+128+14*ptr", "t"));
        assertEquals(80, StructOffsets.value("6*u32 + u64 + 6*ptr", "t"));
        assertEquals(0, StructOffsets.value("0", "t"));
        assertEquals(4, StructOffsets.value("u32", "t"));
    }

    @Test
    void refusesAnythingElseNamingTheField() {
        ProfileDataException e = assertThrows(ProfileDataException.class,
                () -> StructOffsets.value("13*ptr - 8", "wamr-x moduleInstance.e"));
        assertTrue(e.getMessage().startsWith("wamr-x moduleInstance.e: \"13*ptr - 8\""), e.getMessage());
        assertThrows(ProfileDataException.class, () -> StructOffsets.value("13*word", "t"));
        assertThrows(ProfileDataException.class, () -> StructOffsets.value("", "t"));
    }
}
