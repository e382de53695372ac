package io.github.wasmaot.format.profile;

/** One field of the target-info section: name as in WAMR's AOTTargetInfo, and encoding. */
public record TargetInfoField(String name, String type) {
    /** Encoded size in bytes: u16, u32, u64 or char[N]. */
    public int size() {
        return switch (type) {
            case "u16" -> 2;
            case "u32" -> 4;
            case "u64" -> 8;
            default -> {
                if (type.startsWith("char[") && type.endsWith("]")) {
                    yield Integer.parseInt(type.substring(5, type.length() - 1));
                }
                throw new ProfileDataException("unknown target-info field type " + type);
            }
        };
    }
}
