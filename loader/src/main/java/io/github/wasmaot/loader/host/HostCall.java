package io.github.wasmaot.loader.host;

import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.WasmValue;
import java.util.List;

/** One call of a {@link HostFunction}: which import was called, its typed arguments, the caller's memory. */
public final class HostCall {
    private final String module;
    private final String name;
    private final FunctionSignature signature;
    private final List<WasmValue> args;
    private final GuestMemory memory;

    public HostCall(String module, String name, FunctionSignature signature, List<WasmValue> args,
                    GuestMemory memory) {
        this.module = module;
        this.name = name;
        this.signature = signature;
        this.args = List.copyOf(args);
        this.memory = memory;
    }

    public String module() {
        return module;
    }

    public String name() {
        return name;
    }

    public FunctionSignature signature() {
        return signature;
    }

    public List<WasmValue> args() {
        return args;
    }

    /**
     * The caller's linear memory 0 (size 0 when the module has none), at its current size. Use it only during
     * the call: a later memory.grow may change the size, and the instance may be closed.
     */
    public GuestMemory memory() {
        return memory;
    }

    private <T extends WasmValue> T arg(int index, Class<T> type) {
        WasmValue v = args.get(index);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("argument " + index + " of (" + module + ", " + name + ") is "
                    + v.type() + ", not " + type.getSimpleName());
        }
        return type.cast(v);
    }

    public int i32(int index) {
        return arg(index, WasmValue.I32.class).value();
    }

    /** An i32 argument read as unsigned (a pointer or a length). */
    public long u32(int index) {
        return i32(index) & 0xffffffffL;
    }

    public long i64(int index) {
        return arg(index, WasmValue.I64.class).value();
    }

    public float f32(int index) {
        return arg(index, WasmValue.F32.class).value();
    }

    public double f64(int index) {
        return arg(index, WasmValue.F64.class).value();
    }
}
