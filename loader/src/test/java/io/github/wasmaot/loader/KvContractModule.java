package io.github.wasmaot.loader;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A hand-assembled Wasm binary of a tiny key-value "contract" importing the host API:
 * <pre>
 * (module
 *   (import "env" "storage_write" (func $w (param i32 i32 i32 i32)))
 *   (import "env" "storage_read" (func $r (param i32 i32 i32 i32 i32) (result i32)))
 *   (import "env" "debug" (func $d (param i32 i32)))
 *   (memory (export "memory") 1)
 *   (data (i32.const 16) "counter")
 *   ;; counter := counter + 1 (stored as a u32 under key "counter"), debug("counter"), return the new value
 *   (func (export "increment") (result i32) (local $len i32) (local $v i32)
 *     (i32.store (i32.const 64) (i32.const 0))
 *     (local.set $len (call $r (i32.const 16) (i32.const 7) (i32.const 64) (i32.const 4) (i32.const 0)))
 *     (local.set $v (i32.add (i32.load (i32.const 64)) (i32.const 1)))
 *     (i32.store (i32.const 64) (local.get $v))
 *     (call $w (i32.const 16) (i32.const 7) (i32.const 64) (i32.const 4))
 *     (call $d (i32.const 16) (i32.const 7))
 *     (local.get $v))
 *   ;; storage_read of the first $klen bytes of "counter" into an empty buffer: the value's length or -1
 *   (func (export "read_len") (param $klen i32) (result i32)
 *     (call $r (i32.const 16) (local.get $klen) (i32.const 128) (i32.const 0) (i32.const 0)))
 *   (func (export "debug_at") (param $ptr i32) (param $len i32)
 *     (call $d (local.get $ptr) (local.get $len))))
 * </pre>
 */
final class KvContractModule {
    private KvContractModule() {
    }

    private static final int I32 = 0x7f;

    static byte[] wasm() {
        Bytes types = new Bytes().u(5)
                .b(0x60).u(4).b(I32, I32, I32, I32).u(0)
                .b(0x60).u(5).b(I32, I32, I32, I32, I32).u(1).b(I32)
                .b(0x60).u(2).b(I32, I32).u(0)
                .b(0x60).u(0).u(1).b(I32)
                .b(0x60).u(1).b(I32).u(1).b(I32);
        Bytes imports = new Bytes().u(3)
                .name("env").name("storage_write").b(0x00).u(0)
                .name("env").name("storage_read").b(0x00).u(1)
                .name("env").name("debug").b(0x00).u(2);
        Bytes functions = new Bytes().u(3).u(3).u(4).u(2);
        Bytes memory = new Bytes().u(1).b(0x00).u(1);
        Bytes exports = new Bytes().u(4)
                .name("memory").b(0x02).u(0)
                .name("increment").b(0x00).u(3)
                .name("read_len").b(0x00).u(4)
                .name("debug_at").b(0x00).u(5);
        Bytes increment = new Bytes().u(1).u(2).b(I32)
                .i32(64).i32(0).b(0x36, 0x02, 0x00)
                .i32(16).i32(7).i32(64).i32(4).i32(0).b(0x10).u(1).b(0x21).u(0)
                .i32(64).b(0x28, 0x02, 0x00).i32(1).b(0x6a).b(0x21).u(1)
                .i32(64).b(0x20).u(1).b(0x36, 0x02, 0x00)
                .i32(16).i32(7).i32(64).i32(4).b(0x10).u(0)
                .i32(16).i32(7).b(0x10).u(2)
                .b(0x20).u(1)
                .b(0x0b);
        Bytes readLen = new Bytes().u(0)
                .i32(16).b(0x20).u(0).i32(128).i32(0).i32(0).b(0x10).u(1)
                .b(0x0b);
        Bytes debugAt = new Bytes().u(0)
                .b(0x20).u(0).b(0x20).u(1).b(0x10).u(2)
                .b(0x0b);
        Bytes code = new Bytes().u(3).sized(increment).sized(readLen).sized(debugAt);
        Bytes data = new Bytes().u(1).u(0).i32(16).b(0x0b).name("counter");
        return new Bytes().b(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00)
                .section(1, types).section(2, imports).section(3, functions).section(5, memory)
                .section(7, exports).section(10, code).section(11, data).toByteArray();
    }

    /** A byte buffer with the Wasm binary encodings the module needs. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes b(int... bytes) {
            for (int x : bytes) {
                out.write(x);
            }
            return this;
        }

        /** Unsigned LEB128. */
        Bytes u(long v) {
            do {
                int low = (int) (v & 0x7f);
                v >>>= 7;
                out.write(v != 0 ? low | 0x80 : low);
            } while (v != 0);
            return this;
        }

        /** i32.const with a signed LEB128 immediate. */
        Bytes i32(int v) {
            out.write(0x41);
            boolean more = true;
            while (more) {
                int low = v & 0x7f;
                v >>= 7;
                more = !((v == 0 && (low & 0x40) == 0) || (v == -1 && (low & 0x40) != 0));
                out.write(more ? low | 0x80 : low);
            }
            return this;
        }

        Bytes name(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            u(utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Bytes sized(Bytes body) {
            u(body.out.size());
            out.writeBytes(body.out.toByteArray());
            return this;
        }

        Bytes section(int id, Bytes body) {
            out.write(id);
            return sized(body);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
