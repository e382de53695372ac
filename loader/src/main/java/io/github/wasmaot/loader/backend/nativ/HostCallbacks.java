package io.github.wasmaot.loader.backend.nativ;

import com.sun.jna.CallbackProxy;
import com.sun.jna.CallbackReference;
import com.sun.jna.Pointer;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.backend.HostFunction;
import io.github.wasmaot.loader.backend.HostSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * JNA callbacks that let native code call Java host functions, one {@link CallbackProxy} per function built
 * from its C signature. A failure inside a callback is recorded, never thrown through native frames.
 */
public final class HostCallbacks {
    private final List<CallbackProxy> live = new ArrayList<>();
    private final Consumer<RuntimeException> onFailure;

    public HostCallbacks(Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
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

    /** A native function pointer that calls {@code fn}. */
    public long entry(HostFunction fn) {
        HostSignature sig = fn.signature();
        Class<?>[] params = sig.params().stream().map(HostCallbacks::javaType).toArray(Class<?>[]::new);
        Class<?> ret = sig.result().map(HostCallbacks::javaType).orElse(void.class);
        CallbackProxy proxy = new CallbackProxy() {
            @Override
            public Object callback(Object[] args) {
                long[] raw = new long[args.length];
                for (int i = 0; i < args.length; i++) {
                    raw[i] = bits(args[i]);
                }
                long result = 0;
                try {
                    result = fn.call(raw);
                } catch (RuntimeException e) {
                    onFailure.accept(e);
                }
                return sig.result().isPresent() ? box(sig.result().get(), result) : null;
            }

            @Override
            public Class<?>[] getParameterTypes() {
                return params;
            }

            @Override
            public Class<?> getReturnType() {
                return ret;
            }
        };
        live.add(proxy);
        return Pointer.nativeValue(CallbackReference.getFunctionPointer(proxy));
    }

    /** Drops the callbacks (their native trampolines are freed when collected). */
    public void clear() {
        live.clear();
    }
}
