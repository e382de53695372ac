package io.github.wasmaot.format.section;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextSectionTest {
    /** Where the runtime's code starts in its page-aligned copy of the section: after the u32 size and the literal. */
    private static int codeOffsetInMapping(TextSection t) {
        return TextSection.LITERAL_SIZE_BYTES + t.literal().length;
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "2, 0", "4, 0", "8, 4", "16, 12", "32, 28", "64, 60", "4096, 4092"})
    void literalPaddingPutsCodeOnItsAlignment(long align, int pad) {
        byte[] code = {(byte) 0xc3};
        TextSection t = TextSection.codeAligned(code, align);
        assertEquals(pad, t.literal().length);
        assertArrayEquals(new byte[pad], t.literal(), "the padding is zero bytes");
        assertEquals(0, codeOffsetInMapping(t) % Math.max(align, 1));
        assertArrayEquals(code, t.code());
    }

    @Test
    void alignmentMustBeAPowerOfTwoUpToAPage() {
        for (long bad : new long[] {-16, 3, 12, 8192}) {
            assertThrows(IllegalArgumentException.class, () -> TextSection.codeAligned(new byte[0], bad),
                    "alignment " + bad);
        }
    }
}
