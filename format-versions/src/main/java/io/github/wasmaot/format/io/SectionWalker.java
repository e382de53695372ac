package io.github.wasmaot.format.io;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.profile.RuntimeProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the section headers after the file header as WAMR's create_sections does: each header 4-byte
 * aligned, an id the profile accepts ("invalid section id"), a body that fits ("unexpect end").
 */
public final class SectionWalker {
    private SectionWalker() {
    }

    public static List<SectionHeader> walk(byte[] image, String fileName, RuntimeProfile profile)
            throws AotFormatException {
        ByteReader in = ByteReader.over(image, fileName);
        in.skip(Math.min(8, image.length));
        List<SectionHeader> out = new ArrayList<>();
        while (!in.atEnd()) {
            in.align(4);
            int at = in.position();
            long id = in.u32();
            if (!profile.acceptsSectionId(id)) {
                throw in.errorAt(at, "section id " + id + " is not one " + profile.name() + " accepts",
                        "invalid section id");
            }
            long size = in.u32();
            if (size > in.remaining()) {
                throw in.errorAt(at, "section " + id + " declares " + size + " bytes, " + in.remaining()
                        + " left in the file", ByteReader.UNEXPECT_END);
            }
            in.skip(size);
            out.add(new SectionHeader(id, at, size));
        }
        if (out.isEmpty()) {
            throw in.errorAt(in.position(), "no sections", "create section list failed");
        }
        return out;
    }
}
