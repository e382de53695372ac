package io.github.wasmaot.format;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.PlacedSection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reader failures name the file, section and offset and carry the loader's text. */
class AotReaderErrorTest {
    static List<AotVectors.Entry> vectors() {
        return AotVectors.all();
    }

    private static byte[] putU32(byte[] b, int at, long v) {
        byte[] c = b.clone();
        for (int i = 0; i < 4; i++) {
            c[at + i] = (byte) (v >>> (8 * i));
        }
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void truncationNamesSectionAndOffset(AotVectors.Entry v) throws Exception {
        byte[] bytes = v.bytes();
        AotImage image = AotReader.read(bytes, v.file());
        PlacedSection text = image.placed(io.github.wasmaot.format.section.SectionKind.TEXT).orElseThrow();
        int cut = text.bodyOffset() + 2;
        AotFormatException e = assertThrows(AotFormatException.class,
                () -> AotReader.read(Arrays.copyOf(bytes, cut), v.file()));
        assertEquals("unexpect end", e.runtimeText().orElseThrow());
        assertEquals(text.headerOffset(), e.offset(), e.getMessage());
        assertTrue(e.getMessage().startsWith(v.file() + ": "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void hugeCountsAreRejectedBeforeAllocating(AotVectors.Entry v) throws Exception {
        byte[] bytes = v.bytes();
        AotImage image = AotReader.read(bytes, v.file());
        for (PlacedSection p : image.sections()) {
            if (p.kind() == io.github.wasmaot.format.section.SectionKind.TARGET_INFO) {
                continue;
            }
            // init data: memory count (after the import memory count); export and relocation: their first
            // count; text: the literal size; function: the first text offset
            int at = p.bodyOffset() + (p.kind() == io.github.wasmaot.format.section.SectionKind.INIT_DATA ? 4 : 0);
            byte[] smashed = putU32(bytes, at, 0xFFFFFFF0L);
            AotFormatException e = assertThrows(AotFormatException.class, () -> AotReader.read(smashed, v.file()));
            assertEquals(p.kind().label(), e.section(), e.getMessage());
            assertTrue(e.offset() >= p.bodyOffset() && e.offset() <= p.bodyOffset() + p.size(), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void crossVersionAndWrongTargetInfoSizeUseTheLoaderTexts(AotVectors.Entry v) {
        byte[] bytes = v.bytes();
        String other = v.profile().equals("wamr-2.4") ? "legacy" : "current";
        RuntimeProfile otherProfile = ProfileCatalog.byNameOrAlias(other).orElseThrow();
        AotFormatException version = assertThrows(AotFormatException.class,
                () -> AotReader.read(bytes, v.file(), otherProfile));
        assertEquals("unknown binary version", version.runtimeText().orElseThrow());
        assertEquals(4, version.offset());

        // A longer target info than the loader's layout leaves bytes over ("invalid section size"); a shorter
        // one runs out while reading the fields ("unexpect end").
        byte[] relabelled = putU32(bytes, 4, otherProfile.aotVersion());
        AotFormatException size = assertThrows(AotFormatException.class,
                () -> AotReader.read(relabelled, v.file(), otherProfile));
        String expected = v.targetInfoSize() > otherProfile.targetInfo().size() ? "invalid section size"
                : "unexpect end";
        assertEquals(expected, size.runtimeText().orElseThrow());
        assertEquals("target_info", size.section());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void badMagicIsDetected(AotVectors.Entry v) {
        byte[] bytes = v.bytes().clone();
        bytes[0] = 1;
        AotFormatException e = assertThrows(AotFormatException.class, () -> AotReader.read(bytes, v.file()));
        assertEquals("magic header not detected", e.runtimeText().orElseThrow());
        assertEquals(0, e.offset());
    }
}
