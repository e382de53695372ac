package io.github.wasmaot.format.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Struct offsets in profile data may be written the way WAMR's own {@code bh_static_assert}s state them:
 * counts times the pointer size plus byte counts, e.g. {@code "13*ptr + 128 + 11*ptr"} for
 * {@code offsetof(AOTModuleInstance, global_table_data) == 13 * sizeof(uint64) + 128 + 11 * sizeof(uint64)}.
 * A term is {@code N}, {@code ptr}, {@code N*ptr}, {@code u32}, {@code N*u32}, {@code u64} or {@code N*u64}.
 * The structs describe the 64-bit builds every profile's ISAs are (x86_64, aarch64), so {@code ptr} is 8.
 */
final class StructOffsets {
    /** Pointer size of the builds the profiles describe. */
    static final int POINTER_BYTES = 8;
    private static final Pattern TERM = Pattern.compile("\\s*(?:(\\d+)\\s*\\*\\s*)?(ptr|u32|u64|\\d+)\\s*");
    private static final Map<String, Integer> UNITS = Map.of("ptr", POINTER_BYTES, "u32", 4, "u64", 8);

    private StructOffsets() {
    }

    /** Replaces every textual offset below {@code structs} (other than {@code source}) by its value. */
    static void evaluate(JsonNode structs, String what) {
        if (!structs.isObject()) {
            return;
        }
        structs.fields().forEachRemaining(s -> {
            if (s.getValue() instanceof ObjectNode struct) {
                List<String> names = new ArrayList<>();
                struct.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    JsonNode v = struct.get(name);
                    if (v.isTextual() && !"source".equals(name)) {
                        struct.set(name, IntNode.valueOf(value(v.asText(), what + " " + s.getKey() + "." + name)));
                    }
                }
            }
        });
    }

    static int value(String expression, String what) {
        long sum = 0;
        for (String part : expression.split("\\+", -1)) {
            Matcher m = TERM.matcher(part);
            if (!m.matches()) {
                throw new ProfileDataException(what + ": \"" + expression + "\" is not a sum of N, ptr, N*ptr, u32, u64");
            }
            long count = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
            String unit = m.group(2);
            long bytes = UNITS.containsKey(unit) ? UNITS.get(unit) : Long.parseLong(unit);
            sum += count * bytes;
        }
        if (sum > Integer.MAX_VALUE) {
            throw new ProfileDataException(what + ": \"" + expression + "\" is too large");
        }
        return (int) sum;
    }
}
