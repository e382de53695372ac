package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Functions with more parameters than the C ABI has argument registers (exec_env plus ten i64, ten f64, or six
 * i32/f64 pairs): the rest travel in 8-byte stack slots, in order, which each backend must lay out as the ISA's
 * ABI says. The bodies subtract the last two parameters, so a swapped or shifted slot changes the result.
 */
class StackArgumentsTest {
    private static final int I32 = 0x7f;
    private static final int I64 = 0x7e;
    private static final int F64 = 0x7c;

    /** isum: (p9 - p8) + p0 + ... + p7 over i64; fsum the same over f64; mixed(i32,f64 x6): p11 - (f64) p10. */
    static byte[] module() {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0});
        List<Integer> mixed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            mixed.add(I32);
            mixed.add(F64);
        }
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.write(3);
        funcType(types, java.util.Collections.nCopies(10, I64), I64);
        funcType(types, java.util.Collections.nCopies(10, F64), F64);
        funcType(types, mixed, F64);
        section(m, 1, types.toByteArray());
        section(m, 3, new byte[] {3, 0, 1, 2});
        ByteArrayOutputStream exports = new ByteArrayOutputStream();
        exports.write(3);
        export(exports, "isum", 0);
        export(exports, "fsum", 1);
        export(exports, "mixed", 2);
        section(m, 7, exports.toByteArray());
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(3);
        body(code, sumBody(0x7d, 0x7c));
        body(code, sumBody(0xa1, 0xa0));
        body(code, new byte[] {0x20, 11, 0x20, 10, (byte) 0xb7, (byte) 0xa1});
        section(m, 10, code.toByteArray());
        return m.toByteArray();
    }

    private static byte[] sumBody(int sub, int add) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x20, 9, 0x20, 8, (byte) sub});
        for (int k = 0; k < 8; k++) {
            b.writeBytes(new byte[] {0x20, (byte) k, (byte) add});
        }
        return b.toByteArray();
    }

    private static void funcType(ByteArrayOutputStream out, List<Integer> params, int result) {
        out.write(0x60);
        out.write(params.size());
        params.forEach(out::write);
        out.write(1);
        out.write(result);
    }

    private static void export(ByteArrayOutputStream out, String name, int func) {
        out.write(name.length());
        out.writeBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(0);
        out.write(func);
    }

    private static void body(ByteArrayOutputStream out, byte[] instructions) {
        out.write(instructions.length + 2);
        out.write(0); // no locals
        out.writeBytes(instructions);
        out.write(0x0b);
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        out.write(content.length);
        out.writeBytes(content);
    }

    @ParameterizedTest
    @CsvSource({
        "wamr-cba4c782, x86_64, NATIVE", "wamr-2.4, x86_64, NATIVE",
        "wamr-cba4c782, x86_64, EMULATED", "wamr-2.4, x86_64, EMULATED",
        "wamr-cba4c782, aarch64, EMULATED", "wamr-2.4, aarch64, EMULATED",
        "wamr-cba4c782, aarch64, NATIVE", "wamr-2.4, aarch64, NATIVE",
    })
    void argumentsBeyondTheRegistersArriveInOrder(String profile, String isa, BackendKind kind) throws Exception {
        byte[] image = AotCompiler.compile(module(), "stack-args.wasm", CompileOptions.of(profile, isa));
        AotModule module = AotModule.open(image, "stack-args.aot", profile);
        Backends.assumeAvailable(kind, module.isa());
        try (Instance instance = module.instantiate(kind, InstanceOptions.defaults())) {
            List<WasmValue> ints = new ArrayList<>();
            List<WasmValue> floats = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                ints.add(WasmValue.i64(1L << (4 * k)));
                floats.add(WasmValue.f64(1L << (4 * k)));
            }
            long expected = (1L << 36) - (1L << 32) + 0x11111111L;
            assertEquals(List.of(WasmValue.i64(expected)), instance.call("isum", ints));
            assertEquals(List.of(WasmValue.f64(expected)), instance.call("fsum", floats));
            List<WasmValue> mixed = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                mixed.add(WasmValue.i32(k + 1));
                mixed.add(WasmValue.f64(100.0 * (k + 1)));
            }
            assertEquals(List.of(WasmValue.f64(600.0 - 6)), instance.call("mixed", mixed));
        }
    }
}
