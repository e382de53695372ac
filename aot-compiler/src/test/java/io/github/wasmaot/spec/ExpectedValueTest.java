package io.github.wasmaot.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExpectedValueTest {

    @Test
    void exactFloatsCompareBitForBit() {
        ExpectedValue minusZero = ExpectedValue.parse("f32", "2147483648");
        assertTrue(minusZero.matches(new WasmValue.F32(0x80000000)));
        assertFalse(minusZero.matches(new WasmValue.F32(0)));
        ExpectedValue nanPayload = ExpectedValue.parse("f64", Long.toUnsignedString(0x7ff0000000000001L));
        assertTrue(nanPayload.matches(new WasmValue.F64(0x7ff0000000000001L)));
        assertFalse(nanPayload.matches(new WasmValue.F64(0x7ff8000000000000L)));
    }

    @Test
    void canonicalNanAllowsEitherSignOnly() {
        ExpectedValue canonical = ExpectedValue.parse("f32", "nan:canonical");
        assertTrue(canonical.matches(new WasmValue.F32(0x7fc00000)));
        assertTrue(canonical.matches(new WasmValue.F32(0xffc00000)));
        assertFalse(canonical.matches(new WasmValue.F32(0x7fc00001)));
        assertFalse(canonical.matches(new WasmValue.F64(0x7ff8000000000000L)));
    }

    @Test
    void arithmeticNanNeedsTheQuietBit() {
        ExpectedValue arithmetic = ExpectedValue.parse("f64", "nan:arithmetic");
        assertTrue(arithmetic.matches(new WasmValue.F64(0x7ff8000000000001L)));
        assertTrue(arithmetic.matches(new WasmValue.F64(0xfff8000000000000L)));
        assertFalse(arithmetic.matches(new WasmValue.F64(0x7ff0000000000001L)));
    }

    @Test
    void integersAreUnsignedDecimalBitPatterns() {
        assertTrue(ExpectedValue.parse("i32", "4294967295").matches(new WasmValue.I32(-1)));
        assertTrue(ExpectedValue.parse("i64", "18446744073709551615").matches(new WasmValue.I64(-1)));
    }

    @Test
    void referencesCompareByNullnessAndId() {
        assertTrue(ExpectedValue.parse("externref", "null").matches(new WasmValue.ExternRef(null)));
        assertTrue(ExpectedValue.parse("externref", "2").matches(new WasmValue.ExternRef(2L)));
        assertFalse(ExpectedValue.parse("externref", "2").matches(new WasmValue.ExternRef(3L)));
        assertFalse(ExpectedValue.parse("funcref", "null").matches(new WasmValue.ExternRef(null)));
    }
}
