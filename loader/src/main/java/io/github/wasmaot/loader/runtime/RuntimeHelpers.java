package io.github.wasmaot.loader.runtime;

import static io.github.wasmaot.loader.ValueType.F32;
import static io.github.wasmaot.loader.ValueType.F64;
import static io.github.wasmaot.loader.ValueType.I32;
import static io.github.wasmaot.loader.ValueType.I64;

import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.HostFunction;
import io.github.wasmaot.loader.backend.HostSignature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The runtime symbols (WAMR's target_sym_map entries) the loader serves from Java for one instance:
 * exception setting, memory growth and the libm functions wamrc leaves as calls.
 */
final class RuntimeHelpers {
    private RuntimeHelpers() {
    }

    /** @param raiser aot_set_exception_with_id's behaviour in this runtime (see {@link ExceptionRaiser}) */
    static Map<String, HostFunction> forInstance(Backend backend, ExceptionBuffer exception, ExceptionRaiser raiser,
                                                 Optional<LinearMemory> memory, long memoryInstance) {
        Map<String, HostFunction> m = new LinkedHashMap<>();
        add(m, new JavaHelper("aot_set_exception_with_id", HostSignature.of(null, I64, I32), a -> {
            raiser.raiseId(a[1] & 0xffffffffL);
            return 0;
        }));
        add(m, new JavaHelper("aot_set_exception", HostSignature.of(null, I64, I64), a -> {
            if (a[1] == 0) {
                exception.clear();
            } else {
                exception.set(cString(backend, a[1]));
            }
            return 0;
        }));
        add(m, new JavaHelper("aot_enlarge_memory", HostSignature.of(I32, I64, I32), a -> {
            boolean ok = memory.map(mem -> mem.grow(a[1] & 0xffffffffL, memoryInstance)).orElse(false);
            return ok ? 1 : 0;
        }));
        // aot_memset / aot_memmove: wamrc leaves memory.fill / memory.copy (and large struct moves) as libc calls
        // on native addresses; the profile's symbol list decides which of them an image may reference
        add(m, new JavaHelper("memset", HostSignature.of(I64, I64, I32, I64), a -> {
            fill(backend, a[0], (byte) a[1], a[2]);
            return a[0];
        }));
        add(m, new JavaHelper("memmove", HostSignature.of(I64, I64, I64, I64), a -> {
            move(backend, a[0], a[1], a[2]);
            return a[0];
        }));
        add(m, new JavaHelper("memcpy", HostSignature.of(I64, I64, I64, I64), a -> {
            move(backend, a[0], a[1], a[2]);
            return a[0];
        }));
        unaryF64(m, "floor", Math::floor);
        unaryF64(m, "ceil", Math::ceil);
        unaryF64(m, "trunc", RuntimeHelpers::trunc);
        unaryF64(m, "rint", Math::rint);
        unaryF64(m, "sqrt", Math::sqrt);
        unaryF32(m, "floorf", Math::floor);
        unaryF32(m, "ceilf", Math::ceil);
        unaryF32(m, "truncf", RuntimeHelpers::trunc);
        unaryF32(m, "rintf", Math::rint);
        unaryF32(m, "sqrtf", Math::sqrt);
        binaryF64(m, "fmin", RuntimeHelpers::fmin);
        binaryF64(m, "fmax", RuntimeHelpers::fmax);
        binaryF32(m, "fminf", RuntimeHelpers::fmin);
        binaryF32(m, "fmaxf", RuntimeHelpers::fmax);
        return m;
    }

    private static final int CHUNK = 1 << 20;

    private static void fill(Backend backend, long at, byte value, long n) {
        byte[] chunk = new byte[(int) Math.min(n, CHUNK)];
        java.util.Arrays.fill(chunk, value);
        for (long done = 0; done < n; done += chunk.length) {
            int len = (int) Math.min(chunk.length, n - done);
            backend.write(at + done, len == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, len));
        }
    }

    /** memmove: overlapping ranges copy as if through a temporary buffer, chunk by chunk in a safe order. */
    private static void move(Backend backend, long dest, long src, long n) {
        boolean backwards = dest > src && dest < src + n;
        for (long done = 0; done < n; done += CHUNK) {
            int len = (int) Math.min(CHUNK, n - done);
            long off = backwards ? n - done - len : done;
            backend.write(dest + off, backend.read(src + off, len));
        }
    }

    private static void add(Map<String, HostFunction> m, HostFunction f) {
        m.put(f.name(), f);
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    /** C fmin: a NaN operand is ignored. */
    private static double fmin(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double fmax(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    /**
     * A libm function of one double. Like C's libm (and IEEE 754), a NaN operand gives a quiet NaN with the operand's
     * sign and payload: Java's Math would hand a signalling NaN back unchanged.
     */
    private static void unaryF64(Map<String, HostFunction> m, String name, DoubleUnaryOperator op) {
        add(m, new JavaHelper(name, HostSignature.of(F64, F64), a -> {
            double x = Double.longBitsToDouble(a[0]);
            return Double.isNaN(x) ? a[0] | 0x0008000000000000L : Double.doubleToRawLongBits(op.applyAsDouble(x));
        }));
    }

    /** A libm function of one float; a NaN operand gives it back quieted, as {@link #unaryF64}. */
    private static void unaryF32(Map<String, HostFunction> m, String name, DoubleUnaryOperator op) {
        add(m, new JavaHelper(name, HostSignature.of(F32, F32), a -> {
            float x = Float.intBitsToFloat((int) a[0]);
            return Float.isNaN(x) ? (a[0] | 0x00400000L) & 0xffffffffL
                    : Float.floatToRawIntBits((float) op.applyAsDouble(x)) & 0xffffffffL;
        }));
    }

    private static void binaryF64(Map<String, HostFunction> m, String name, DoubleBinaryOperator op) {
        add(m, new JavaHelper(name, HostSignature.of(F64, F64, F64), a -> Double.doubleToRawLongBits(
                op.applyAsDouble(Double.longBitsToDouble(a[0]), Double.longBitsToDouble(a[1])))));
    }

    private static void binaryF32(Map<String, HostFunction> m, String name, DoubleBinaryOperator op) {
        add(m, new JavaHelper(name, HostSignature.of(F32, F32, F32), a -> Float.floatToRawIntBits((float)
                op.applyAsDouble(Float.intBitsToFloat((int) a[0]), Float.intBitsToFloat((int) a[1])))
                & 0xffffffffL));
    }

    /** A NUL-terminated string of at most 127 bytes (the exception buffer holds no more). */
    private static String cString(Backend backend, long address) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 127; i++) {
            byte b = backend.read(address + i, 1)[0];
            if (b == 0) {
                break;
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
