package io.github.wasmaot.wasm.decode;

/** Section ids in the order non-custom sections must appear (data count sits before code). */
enum SectionId {
    CUSTOM(0), TYPE(1), IMPORT(2), FUNCTION(3), TABLE(4), MEMORY(5), GLOBAL(6), EXPORT(7),
    START(8), ELEMENT(9), DATA_COUNT(12), CODE(10), DATA(11);

    private final int id;

    SectionId(int id) {
        this.id = id;
    }

    /** The section with binary id {@code id}, or null if there is none. */
    static SectionId of(int id) {
        for (SectionId s : values()) {
            if (s.id == id) {
                return s;
            }
        }
        return null;
    }
}
