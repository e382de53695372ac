package io.github.wasmaot.loader.backend.nativ;

import com.sun.jna.CallbackProxy;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.backend.HostFunction;
import io.github.wasmaot.loader.backend.HostSignature;

import java.util.function.Consumer;

/**
 * One native entry point of a given C signature that calls whichever Java host function is bound to it. JNA
 * never releases a {@link CallbackProxy} (its callback map's value refers to its own key), so trampolines are
 * created once, pooled by {@link TrampolinePool}, and re-bound per instance instead of made per instance.
 */
final class Trampoline implements CallbackProxy {
    private final HostSignature signature;
    private final Class<?>[] params;
    private final Class<?> ret;
    private final long address;
    private volatile HostFunction fn;
    private volatile Consumer<RuntimeException> onFailure;

    Trampoline(HostSignature signature) {
        this.signature = signature;
        this.params = signature.params().stream().map(Trampoline::javaType).toArray(Class<?>[]::new);
        this.ret = signature.result().map(Trampoline::javaType).orElse(void.class);
        long callback = Pointer.nativeValue(CallbackReference.getFunctionPointer(this));
        SignalTraps traps = SignalTraps.get();
        this.address = traps != null ? traps.hostEntry(callback) : callback;
    }

    HostSignature signature() {
        return signature;
    }

    long address() {
        return address;
    }

    void bind(HostFunction function, Consumer<RuntimeException> failures) {
        this.onFailure = failures;
        this.fn = function;
    }

    /** Forgets the host function and its instance, so a pooled trampoline keeps nothing alive. */
    void unbind() {
        this.fn = null;
        this.onFailure = null;
    }

    @Override
    public Object callback(Object[] args) {
        HostFunction function = fn;
        Consumer<RuntimeException> failures = onFailure;
        long result = 0;
        if (function == null || failures == null) {
            // a stale pointer called after its instance closed: nothing to report to; answer zero
            return signature.result().isPresent() ? box(signature.result().get(), 0) : null;
        }
        long[] raw = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            raw[i] = bits(args[i]);
        }
        try {
            result = function.call(raw);
        } catch (RuntimeException e) {
            failures.accept(e);
        }
        return signature.result().isPresent() ? box(signature.result().get(), result) : null;
    }

    @Override
    public Class<?>[] getParameterTypes() {
        return params;
    }

    @Override
    public Class<?> getReturnType() {
        return ret;
    }

    private static Class<?> javaType(ValueType t) {
        return switch (t) {
            case I32 -> int.class;
            case I64 -> long.class;
            case F32 -> float.class;
            case F64 -> double.class;
        };
    }

    private static long bits(Object o) {
        if (o instanceof Integer i) {
            return i & 0xffffffffL;
        }
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Float f) {
            return Float.floatToRawIntBits(f) & 0xffffffffL;
        }
        return Double.doubleToRawLongBits((Double) o);
    }

    private static Object box(ValueType t, long bits) {
        return switch (t) {
            case I32 -> (int) bits;
            case I64 -> bits;
            case F32 -> Float.intBitsToFloat((int) bits);
            case F64 -> Double.longBitsToDouble(bits);
        };
    }
}
