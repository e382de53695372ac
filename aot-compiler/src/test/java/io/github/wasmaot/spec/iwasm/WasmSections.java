package io.github.wasmaot.spec.iwasm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A module binary as its list of sections (id and payload), in file order; enough to append
 * entries to vector sections without re-encoding the rest. Only for modules the front end
 * already decoded, so the input is trusted.
 */
final class WasmSections {

    static final int TYPE = 1;
    static final int FUNCTION = 3;
    static final int EXPORT = 7;
    static final int CODE = 10;

    record Section(int id, byte[] payload) {
    }

    private final byte[] header;
    private final List<Section> sections;

    private WasmSections(byte[] header, List<Section> sections) {
        this.header = header;
        this.sections = sections;
    }

    static WasmSections split(byte[] module) {
        List<Section> sections = new ArrayList<>();
        int[] pos = {8};
        while (pos[0] < module.length) {
            int id = module[pos[0]++] & 0xff;
            int size = (int) Leb128.readUnsigned(module, pos);
            sections.add(new Section(id, Arrays.copyOfRange(module, pos[0], pos[0] + size)));
            pos[0] += size;
        }
        return new WasmSections(Arrays.copyOf(module, 8), sections);
    }

    /**
     * Appends {@code entries} (each already encoded) to the vector section {@code id}, creating
     * the section at its canonical place when the module has none.
     */
    void appendToVector(int id, List<byte[]> entries) {
        if (entries.isEmpty()) {
            return;
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            if (s.id() == id) {
                int[] pos = {0};
                long count = Leb128.readUnsigned(s.payload(), pos);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Leb128.writeUnsigned(out, count + entries.size());
                out.write(s.payload(), pos[0], s.payload().length - pos[0]);
                entries.forEach(out::writeBytes);
                sections.set(i, new Section(id, out.toByteArray()));
                return;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Leb128.writeUnsigned(out, entries.size());
        entries.forEach(out::writeBytes);
        sections.add(insertionIndex(id), new Section(id, out.toByteArray()));
    }

    /** Where a new section {@code id} goes: before the first non-custom section ordered after it. */
    private int insertionIndex(int id) {
        for (int i = 0; i < sections.size(); i++) {
            int other = sections.get(i).id();
            if (other != 0 && order(other) > order(id)) {
                return i;
            }
        }
        return sections.size();
    }

    /** Section order of the binary format (the data count section, id 12, sits before code). */
    private static int order(int id) {
        return switch (id) {
            case 12 -> 10;
            case 10 -> 11;
            case 11 -> 12;
            default -> id;
        };
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        for (Section s : sections) {
            out.write(s.id());
            Leb128.writeUnsigned(out, s.payload().length);
            out.writeBytes(s.payload());
        }
        return out.toByteArray();
    }
}
