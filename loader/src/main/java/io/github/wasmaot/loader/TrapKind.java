package io.github.wasmaot.loader;

import java.util.Optional;

/**
 * The runtime exception ids AOT code passes to {@code aot_set_exception_with_id}, with the text the runtime
 * stores. Ids and texts are identical at both pinned revisions for the ids listed here:
 * cba4c782 core/iwasm/aot/aot_runtime.h:22-38 (enum) and aot_runtime.c:1588-1640 (texts);
 * WAMR-2.4.4 core/iwasm/interpreter/wasm_runtime.h:52-70 (enum) and
 * core/iwasm/common/wasm_runtime_common.c:3104-3121 (exception_msgs).
 */
public enum TrapKind {
    UNREACHABLE(0, "unreachable"),
    OUT_OF_MEMORY(1, "allocate memory failed"),
    OUT_OF_BOUNDS_MEMORY_ACCESS(2, "out of bounds memory access"),
    INTEGER_OVERFLOW(3, "integer overflow"),
    INTEGER_DIVIDE_BY_ZERO(4, "integer divide by zero"),
    INVALID_CONVERSION_TO_INTEGER(5, "invalid conversion to integer"),
    INVALID_FUNCTION_TYPE_INDEX(6, "indirect call type mismatch"),
    INVALID_FUNCTION_INDEX(7, "invalid function index"),
    UNDEFINED_ELEMENT(8, "undefined element"),
    UNINITIALIZED_ELEMENT(9, "uninitialized element"),
    CALL_UNLINKED_IMPORT_FUNC(10, "failed to call unlinked import function"),
    NATIVE_STACK_OVERFLOW(11, "native stack overflow"),
    UNALIGNED_ATOMIC(12, "unaligned atomic"),
    AUX_STACK_OVERFLOW(13, "wasm auxiliary stack overflow"),
    AUX_STACK_UNDERFLOW(14, "wasm auxiliary stack underflow"),
    OUT_OF_BOUNDS_TABLE_ACCESS(15, "out of bounds table access"),
    /** Not a WAMR exception id: the loader stopped a call that ran longer than its timeout. */
    TIMEOUT(-2, "execution timed out"),
    /** Any exception text not in this list (e.g. set by a host function). */
    OTHER(-1, "");

    private final int id;
    private final String text;

    TrapKind(int id, String text) {
        this.id = id;
        this.text = text;
    }

    public int id() {
        return id;
    }

    /** Text without the "Exception: " prefix. */
    public String text() {
        return text;
    }

    public static Optional<TrapKind> byId(long id) {
        for (TrapKind k : values()) {
            if (k.id == id && k.id >= 0) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static TrapKind byText(String text) {
        for (TrapKind k : values()) {
            if (k != OTHER && k.text.equals(text)) {
                return k;
            }
        }
        return OTHER;
    }
}
