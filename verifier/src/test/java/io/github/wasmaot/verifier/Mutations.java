package io.github.wasmaot.verifier;

import io.github.wasmaot.format.testing.AotVectors;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.AotWriter;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.RelocationSection;
import io.github.wasmaot.format.section.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Known, structured edits of real vectors, made through the model and written back by the writer. */
final class Mutations {
    private Mutations() {
    }

    static byte[] putU32(byte[] image, int at, long value) {
        byte[] copy = image.clone();
        for (int i = 0; i < 4; i++) {
            copy[at + i] = (byte) (value >>> (8 * i));
        }
        return copy;
    }

    static long u32(byte[] image, int at) {
        return (image[at] & 0xffL) | (image[at + 1] & 0xffL) << 8 | (image[at + 2] & 0xffL) << 16
                | (image[at + 3] & 0xffL) << 24;
    }

    /** Rewrites the image with one section body replaced. */
    static byte[] replaceSection(AotImage image, UnaryOperator<Section> edit) {
        List<PlacedSection> sections = new ArrayList<>();
        for (PlacedSection p : image.sections()) {
            sections.add(new PlacedSection(p.id(), p.headerOffset(), p.size(), edit.apply(p.body())));
        }
        return AotWriter.write(new AotImage(image.fileName(), image.magic(), image.version(), image.profile(),
                sections));
    }

    /** Replaces relocation number {@code index} of the first text group with {@code edit}'s result. */
    static byte[] editTextRelocation(AotImage image, int index, UnaryOperator<Relocation> edit) {
        return replaceSection(image, s -> {
            if (!(s instanceof RelocationSection r)) {
                return s;
            }
            List<RelocationGroup> groups = new ArrayList<>();
            boolean done = false;
            for (RelocationGroup g : r.groups()) {
                if (!done && g.targetsText() && g.relocations().size() > index) {
                    List<Relocation> rs = new ArrayList<>(g.relocations());
                    rs.set(index, edit.apply(rs.get(index)));
                    groups.add(new RelocationGroup(g.nameIndex(), g.name(), rs));
                    done = true;
                } else {
                    groups.add(g);
                }
            }
            return new RelocationSection(r.symbols(), groups);
        });
    }

    static AotImage read(AotVectors.Entry v) {
        try {
            return AotReader.read(v.bytes(), v.file());
        } catch (AotFormatException e) {
            throw new AssertionError(e);
        }
    }
}
