package io.github.wasmaot.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wasmaot.format.profile.runtime.GlobalDataLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalDataLayoutTest {
    @Test
    void globalsArePackedByValueTypeSizeWithReferencesAsFourBytes() {
        // i32, i64, funcref, f64, externref, f32, v128
        GlobalDataLayout layout = GlobalDataLayout.of(List.of(0x7F, 0x7E, 0x70, 0x7C, 0x6F, 0x7D, 0x7B));
        assertEquals(List.of(0, 4, 12, 16, 24, 28, 32), layout.offsets());
        assertEquals(48, layout.size());
        assertThrows(IllegalArgumentException.class, () -> GlobalDataLayout.width(0x40));
    }
}
