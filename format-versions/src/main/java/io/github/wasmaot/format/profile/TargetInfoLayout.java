package io.github.wasmaot.format.profile;

import java.util.List;

/**
 * The target-info section layout of a profile: its exact size, field list, and whether the loader insists
 * that the arch string's last byte is NUL ("invalid arch string").
 */
public record TargetInfoLayout(int size, List<TargetInfoField> fields, boolean archMustEndWithNul) {
    public TargetInfoLayout {
        fields = List.copyOf(fields);
        int sum = fields.stream().mapToInt(TargetInfoField::size).sum();
        if (sum != size) {
            throw new ProfileDataException("target-info fields add up to " + sum + " bytes, declared " + size);
        }
    }

    /** Byte offset of a field within the section body, or -1 if the layout has no such field. */
    public int offsetOf(String fieldName) {
        int off = 0;
        for (TargetInfoField f : fields) {
            if (f.name().equals(fieldName)) {
                return off;
            }
            off += f.size();
        }
        return -1;
    }

    public boolean has(String fieldName) {
        return fields.stream().anyMatch(f -> f.name().equals(fieldName));
    }
}
