package io.github.wasmaot.loader;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A module for the trap and timeout tests, compiled with wamrc's defaults (no software bounds or stack checks):
 * <pre>
 * (import "env" "tick" (func $tick (result i32)))
 * (func (export "spin") (loop (br 0)))
 * (func $recurse (export "recurse") (param i64) (result i64)
 *   ;; 48 values live across the call: a frame of some 400 bytes, so an overflow takes fewer calls
 *   (i64.mul (local.get 0) (i64.const 3)) ... (i64.mul (local.get 0) (i64.const 97))
 *   (call $recurse (i64.add (local.get 0) (i64.const 1)))
 *   i64.add ... (48 times))
 * (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
 * (func (export "spin_ticking") (loop (drop (call $tick)) (br 0)))
 * (func (export "ticks") (param $n i32) (result i32) (local $acc i32)
 *   (block (loop (br_if 1 (i32.eqz (local.get $n)))
 *     (local.set $acc (i32.add (local.get $acc) (call $tick)))
 *     (local.set $n (i32.sub (local.get $n) (i32.const 1))) (br 0)))
 *   (local.get $acc))
 * (func $boom unreachable)
 * (func (export "trap_then_spin") (call $boom) (loop (br 0)))
 * </pre>
 */
final class TrapTestModule {
    private TrapTestModule() {
    }

    static byte[] wasm() {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0});
        // types: 0 ()->(), 1 (i64)->i64, 2 (i32 i32)->i32, 3 ()->i32, 4 (i32)->i32
        section(m, 1, bytes(5, 0x60, 0, 0, 0x60, 1, 0x7e, 1, 0x7e, 0x60, 2, 0x7f, 0x7f, 1, 0x7f, 0x60, 0, 1, 0x7f,
                0x60, 1, 0x7f, 1, 0x7f));
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(1);
        name(imports, "env");
        name(imports, "tick");
        imports.writeBytes(bytes(0, 3));
        section(m, 2, imports.toByteArray());
        section(m, 3, bytes(7, 0, 1, 2, 0, 4, 0, 0));
        ByteArrayOutputStream exports = new ByteArrayOutputStream();
        exports.write(6);
        String[] names = {"spin", "recurse", "add", "spin_ticking", "ticks"};
        for (int i = 0; i < names.length; i++) {
            name(exports, names[i]);
            exports.writeBytes(bytes(0, i + 1));
        }
        name(exports, "trap_then_spin");
        exports.writeBytes(bytes(0, 7));
        section(m, 7, exports.toByteArray());
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(7);
        body(code, bytes(0, 0x03, 0x40, 0x0c, 0, 0x0b));
        body(code, recurseBody());
        body(code, bytes(0, 0x20, 0, 0x20, 1, 0x6a));
        body(code, bytes(0, 0x03, 0x40, 0x10, 0, 0x1a, 0x0c, 0, 0x0b));
        body(code, bytes(1, 1, 0x7f,
                0x02, 0x40, 0x03, 0x40,
                0x20, 0, 0x45, 0x0d, 1,
                0x20, 1, 0x10, 0, 0x6a, 0x21, 1,
                0x20, 0, 0x41, 1, 0x6b, 0x21, 0,
                0x0c, 0, 0x0b, 0x0b,
                0x20, 1));
        body(code, bytes(0, 0x00));
        body(code, bytes(0, 0x10, 6, 0x03, 0x40, 0x0c, 0, 0x0b));
        section(m, 10, code.toByteArray());
        return m.toByteArray();
    }

    static final int LIVE_ACROSS_CALL = 48;

    private static byte[] recurseBody() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0);
        for (int k = 0; k < LIVE_ACROSS_CALL; k++) {
            int c = 2 * k + 3;
            // local.get 0; i64.const c (signed LEB: one byte below 64); i64.mul
            b.writeBytes(c < 64 ? bytes(0x20, 0, 0x42, c, 0x7e) : bytes(0x20, 0, 0x42, c & 0x7f | 0x80, c >> 7, 0x7e));
        }
        b.writeBytes(bytes(0x20, 0, 0x42, 1, 0x7c, 0x10, 2));
        for (int k = 0; k < LIVE_ACROSS_CALL; k++) {
            b.write(0x7c);
        }
        return b.toByteArray();
    }

    /** The x86-64 image (wamrc's defaults: guard pages, no native-stack check). */
    static AotModule open(String profile, String isa) throws LoaderException {
        byte[] image = AotCompiler.compile(wasm(), "traps.wasm", CompileOptions.of(profile, isa));
        return AotModule.open(image, "traps.aot", profile);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static void uleb(ByteArrayOutputStream out, int v) {
        while (v >= 0x80) {
            out.write(v & 0x7f | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static void name(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length);
        out.writeBytes(b);
    }

    /** A function body: {@code localsAndCode} starts with the local declarations. */
    private static void body(ByteArrayOutputStream out, byte[] localsAndCode) {
        uleb(out, localsAndCode.length + 1);
        out.writeBytes(localsAndCode);
        out.write(0x0b);
    }

    private static void section(ByteArrayOutputStream out, int id, byte[] content) {
        out.write(id);
        uleb(out, content.length);
        out.writeBytes(content);
    }
}
