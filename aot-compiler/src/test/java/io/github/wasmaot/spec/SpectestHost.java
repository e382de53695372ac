package io.github.wasmaot.spec;

import java.util.List;

/**
 * The {@code spectest} host module every executor must provide, with the reference interpreter's
 * values: immutable globals {@code global_i32/i64/f32/f64} = 666 / 666 / 666.6 / 666.6, a funcref
 * {@code table} (min 10, max 20), a {@code memory} (min 1, max 2 pages) and the {@code print*}
 * functions, which take the listed parameters and return nothing.
 */
public final class SpectestHost {

    public static final String MODULE_NAME = "spectest";

    public static final WasmValue GLOBAL_I32 = new WasmValue.I32(666);
    public static final WasmValue GLOBAL_I64 = new WasmValue.I64(666);
    public static final WasmValue GLOBAL_F32 = new WasmValue.F32(Float.floatToRawIntBits(666.6f));
    public static final WasmValue GLOBAL_F64 = new WasmValue.F64(Double.doubleToRawLongBits(666.6));
    public static final int TABLE_MIN = 10;
    public static final int TABLE_MAX = 20;
    public static final int MEMORY_MIN_PAGES = 1;
    public static final int MEMORY_MAX_PAGES = 2;

    /** Names and parameter types of the host functions. */
    public static final List<HostFunction> FUNCTIONS = List.of(
            new HostFunction("print", List.of()),
            new HostFunction("print_i32", List.of("i32")),
            new HostFunction("print_i64", List.of("i64")),
            new HostFunction("print_f32", List.of("f32")),
            new HostFunction("print_f64", List.of("f64")),
            new HostFunction("print_i32_f32", List.of("i32", "f32")),
            new HostFunction("print_f64_f64", List.of("f64", "f64")));

    /** A {@code spectest} function: its export name and parameter types (no results). */
    public record HostFunction(String name, List<String> params) {
    }

    private SpectestHost() {
    }
}
