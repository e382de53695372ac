package io.github.wasmaot.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** iwasm's argument parsing and result printing (glibc printf/strtoul behaviour). */
class IwasmCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.0|2",
        "2.5|2.5",
        "0.1|0.1",
        "100|100",
        "1234567|1234567",
        "12345678|1.234568e+07",
        "0.0001|0.0001",
        "0.00001|1e-05",
        "3.14159265358979|3.141593",
        "-7.9|-7.9",
        "1e100|1e+100",
    })
    void formatsLikePercentPointSevenG(double value, String expected) {
        assertEquals(expected, CFloats.formatG7(value));
    }

    @Test
    void formatsSpecialFloats() {
        assertEquals("inf", CFloats.formatG7(Double.POSITIVE_INFINITY));
        assertEquals("-inf", CFloats.formatG7(Double.NEGATIVE_INFINITY));
        assertEquals("nan", CFloats.formatG7(Double.NaN));
        assertEquals("-0", CFloats.formatG7(-0.0));
    }

    @ParameterizedTest
    @CsvSource({
        "-1, -1",
        "4294967295, 4294967295",
        "0x10, 16",
        "010, 8",
        "-2147483648, -2147483648",
        "18446744073709551615, -1",
    })
    void parsesIntegersLikeStrtoull(String arg, long expected) {
        assertEquals(expected, IwasmCommand.strtoull(arg));
    }

    @Test
    void printsResultsAsIwasmDoes() {
        assertEquals("0xfffffffe:i32", IwasmCommand.format(WasmValue.i32(-2)));
        assertEquals("0x68aeb7bfb6afe028:i64", IwasmCommand.format(WasmValue.i64(0x68aeb7bfb6afe028L)));
        assertEquals("2.5:f32", IwasmCommand.format(WasmValue.f32(2.5f)));
        assertEquals("2:f64", IwasmCommand.format(WasmValue.f64(2.0)));
    }
}
