package io.github.wasmaot.spec.iwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wasmaot.spec.WasmValue;
import io.github.wasmaot.wasm.model.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

class IwasmOutputParserTest {

    @Test
    void parsesResultsOfEveryKind() {
        ReplReply r = IwasmOutputParser.reply("0x5:i32,0xffffffffffffffff:i64,func:ref.null,0x10003:ref.extern\n", 4);
        List<ReplReply.PrintedValue> v = ((ReplReply.Values) r).values();
        assertEquals(new WasmValue.I32(5), ReplValues.decode(v.get(0), ValType.I32));
        assertEquals(new WasmValue.I64(-1), ReplValues.decode(v.get(1), ValType.I64));
        assertEquals(new WasmValue.FuncRef(null), ReplValues.decode(v.get(2), ValType.FUNCREF));
        assertEquals(new WasmValue.ExternRef(3L), ReplValues.decode(v.get(3), ValType.EXTERNREF));
    }

    @Test
    void floatResultsComeFromProbesAsBits() {
        ReplReply.PrintedValue p = new ReplReply.PrintedValue("0x7fc00001", "i32");
        assertEquals(new WasmValue.F32(0x7fc00001), ReplValues.decode(p, ValType.F32));
        assertThrows(IllegalStateException.class,
                () -> ReplValues.decode(new ReplReply.PrintedValue("1.5", "f32"), ValType.F32));
    }

    @Test
    void ignoresLogLinesAndCarriageReturns() {
        ReplReply r = IwasmOutputParser.reply("[00:34:44:270 - AC823740]: warning: x\r\nException: integer divide by zero\r\n", 1);
        assertEquals(new ReplReply.Failure("integer divide by zero"), r);
        assertEquals(new ReplReply.Values(List.of()), IwasmOutputParser.reply("\n", 0));
    }

    @Test
    void ignoresWhatSpectestPrintFunctionsWrite() {
        ReplReply r = IwasmOutputParser.reply("in specttest.print_i32(7)\nin specttest.print()\n0x7:i32\n", 1);
        assertEquals(new WasmValue.I32(7), ReplValues.decode(((ReplReply.Values) r).values().get(0), ValType.I32));
        assertEquals(new ReplReply.Values(List.of()), IwasmOutputParser.reply("in specttest.print_f64(1.000000)\n", 0));
    }

    @Test
    void unexpectedOutputIsAnError() {
        assertThrows(IllegalStateException.class, () -> IwasmOutputParser.reply("0x1:i32\n", 2));
        assertThrows(IllegalStateException.class, () -> IwasmOutputParser.reply("", 1));
    }

    @Test
    void instantiationFailureStripsTheExceptionPrefix() {
        assertEquals("unreachable", IwasmOutputParser.instantiationFailure(
                "WASM module instantiate failed: Exception: unreachable\n"));
        assertEquals("out of bounds memory access", IwasmOutputParser.instantiationFailure(
                "WASM module instantiate failed: out of bounds memory access\n"));
        assertNull(IwasmOutputParser.instantiationFailure("WASM module load failed: magic header not detected\n"));
    }

    @Test
    void formatsArgumentsForStrtoul() {
        assertEquals("0xffffffff", ReplValues.format(new WasmValue.I32(-1)));
        assertEquals("0x8000000000000000", ReplValues.format(new WasmValue.I64(Long.MIN_VALUE)));
        assertEquals("0x80000000", ReplValues.format(new WasmValue.F32(0x80000000)));
        assertEquals("null", ReplValues.format(new WasmValue.ExternRef(null)));
        assertEquals("0x10000", ReplValues.format(new WasmValue.ExternRef(0L)));
    }
}
