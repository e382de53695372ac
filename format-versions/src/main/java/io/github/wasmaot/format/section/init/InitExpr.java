package io.github.wasmaot.format.section.init;

/** A constant initializer expression as stored in the init-data section. */
public sealed interface InitExpr {
    int NONE = 0x00;
    int I32_CONST = 0x41;
    int I64_CONST = 0x42;
    int F32_CONST = 0x43;
    int F64_CONST = 0x44;
    int V128_CONST = 0xFD;
    int GET_GLOBAL = 0x23;
    int REFNULL_CONST = 0xD0;
    int FUNCREF_CONST = 0xD2;

    /** Wasm opcode-style type tag. */
    int type();

    /** Expression with no payload (INIT_EXPR_NONE). */
    record Empty(int type) implements InitExpr {
    }

    /** A 32-bit payload: i32/f32 constant, global index, ref index. */
    record Value32(int type, long value) implements InitExpr {
    }

    /** A 64-bit payload: i64/f64 constant. */
    record Value64(int type, long value) implements InitExpr {
    }

    /** The legacy layout's fixed slot: a type tag and a 64-bit value, whatever the type. */
    record Slot64(int type, long value) implements InitExpr {
    }

    /** A v128 constant (16 raw bytes). */
    record V128(int type, byte[] value) implements InitExpr {
        public V128 {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** Extended-const binary expression (i32/i64 add, sub, mul). */
    record Binary(int type, InitExpr left, InitExpr right) implements InitExpr {
    }
}
