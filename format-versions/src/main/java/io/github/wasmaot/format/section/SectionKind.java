package io.github.wasmaot.format.section;

import java.util.Optional;

/** The section kinds of the WAMR AOT format, with the id each one carries in the file. */
public enum SectionKind {
    TARGET_INFO(0, "target_info"),
    INIT_DATA(1, "init_data"),
    TEXT(2, "text"),
    FUNCTION(3, "function"),
    EXPORT(4, "export"),
    RELOCATION(5, "relocation"),
    SIGNATURE(6, "signature"),
    CUSTOM(100, "custom");

    private final int id;
    private final String label;

    SectionKind(int id, String label) {
        this.id = id;
        this.label = label;
    }

    public int id() {
        return id;
    }

    /** Name used in profiles, errors and summaries. */
    public String label() {
        return label;
    }

    public static Optional<SectionKind> byId(long id) {
        for (SectionKind k : values()) {
            if (k.id == id) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<SectionKind> byLabel(String label) {
        for (SectionKind k : values()) {
            if (k.label.equals(label)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
