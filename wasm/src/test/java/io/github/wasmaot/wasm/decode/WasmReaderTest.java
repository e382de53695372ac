package io.github.wasmaot.wasm.decode;

import static io.github.wasmaot.wasm.TestModules.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wasmaot.wasm.MalformedModuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WasmReaderTest {

    private static byte[] hex(String hex) {
        String[] parts = hex.trim().split(" ");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i], 16);
        }
        return bytes(values);
    }

    private static MalformedModuleException malformed(Runnable r) {
        return assertThrows(MalformedModuleException.class, r::run);
    }

    @ParameterizedTest
    @CsvSource({
        "00, 0",
        "7f, 127",
        "80 01, 128",
        "80 00, 0",
        "80 80 80 80 00, 0",
        "ff ff ff ff 0f, 4294967295",
        "e5 8e 26, 624485"
    })
    void unsigned32(String hex, long expected) {
        WasmReader r = new WasmReader(hex(hex));
        assertEquals(expected, r.u32());
        assertEquals(hex(hex).length, r.position());
    }

    @ParameterizedTest
    @CsvSource({
        "ff ff ff ff 1f, integer too large, 4",
        "80 80 80 80 10, integer too large, 4",
        "80 80 80 80 80 00, integer representation too long, 4",
        "ff ff ff ff ff 0f, integer representation too long, 4"
    })
    void unsigned32Rejects(String hex, String message, int offset) {
        MalformedModuleException e = malformed(() -> new WasmReader(hex(hex)).u32());
        assertEquals(message, e.reason());
        assertEquals(offset, e.offset());
    }

    @ParameterizedTest
    @CsvSource({
        "7f, -1",
        "40, -64",
        "3f, 63",
        "80 7f, -128",
        "ff ff ff ff 07, 2147483647",
        "80 80 80 80 78, -2147483648",
        "ff ff ff ff 7f, -1",
        "80 80 80 80 00, 0"
    })
    void signed32(String hex, int expected) {
        assertEquals(expected, new WasmReader(hex(hex)).s32());
    }

    @ParameterizedTest
    @CsvSource({
        // unused bits of the 5th byte must all equal the sign bit (bit 3)
        "ff ff ff ff 0f, integer too large",
        "ff ff ff ff 4f, integer too large",
        "80 80 80 80 70, integer too large",
        "80 80 80 80 08, integer too large",
        "ff ff ff ff ff 7f, integer representation too long"
    })
    void signed32Rejects(String hex, String message) {
        assertEquals(message, malformed(() -> new WasmReader(hex(hex)).s32()).reason());
    }

    @ParameterizedTest
    @CsvSource({
        "ff ff ff ff ff ff ff ff ff 7f, -1",
        "80 80 80 80 80 80 80 80 80 7f, -9223372036854775808",
        "ff ff ff ff ff ff ff ff ff 00, 9223372036854775807",
        "80 80 80 80 80 80 80 80 80 00, 0"
    })
    void signed64(String hex, long expected) {
        assertEquals(expected, new WasmReader(hex(hex)).s64());
    }

    @ParameterizedTest
    @CsvSource({
        "ff ff ff ff ff ff ff ff ff 01, integer too large",
        "80 80 80 80 80 80 80 80 80 7e, integer too large",
        "80 80 80 80 80 80 80 80 80 80 00, integer representation too long"
    })
    void signed64Rejects(String hex, String message) {
        assertEquals(message, malformed(() -> new WasmReader(hex(hex)).s64()).reason());
    }

    @Test
    void signed33KeepsTheThirtyThirdBit() {
        assertEquals(0xffff_ffffL, new WasmReader(hex("ff ff ff ff 0f")).s33());
        assertEquals("integer too large", malformed(() -> new WasmReader(hex("ff ff ff ff 1f")).s33()).reason());
    }

    @Test
    void truncatedNumberIsUnexpectedEnd() {
        MalformedModuleException e = malformed(() -> new WasmReader(hex("80 80")).u32());
        assertEquals("unexpected end", e.reason());
        assertEquals(2, e.offset());
    }

    @Test
    void namesMustBeValidUtf8() {
        assertEquals("aé", new WasmReader(hex("03 61 c3 a9")).name());
        assertEquals("malformed UTF-8 encoding", malformed(() -> new WasmReader(hex("02 c0 80")).name()).reason());
        assertEquals("malformed UTF-8 encoding",
                malformed(() -> new WasmReader(hex("03 ed a0 80")).name()).reason());
        assertEquals("malformed UTF-8 encoding",
                malformed(() -> new WasmReader(hex("04 f4 90 80 80")).name()).reason());
    }

    @Test
    void nameLongerThanInputIsRejected() {
        assertEquals("length out of bounds", malformed(() -> new WasmReader(hex("05 61 62")).name()).reason());
    }
}
