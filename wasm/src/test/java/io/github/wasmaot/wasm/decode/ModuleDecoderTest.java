package io.github.wasmaot.wasm.decode;

import static io.github.wasmaot.wasm.TestModules.CODE;
import static io.github.wasmaot.wasm.TestModules.DATA;
import static io.github.wasmaot.wasm.TestModules.DATA_COUNT;
import static io.github.wasmaot.wasm.TestModules.FUNCTION;
import static io.github.wasmaot.wasm.TestModules.MEMORY;
import static io.github.wasmaot.wasm.TestModules.TYPE;
import static io.github.wasmaot.wasm.TestModules.body;
import static io.github.wasmaot.wasm.TestModules.bytes;
import static io.github.wasmaot.wasm.TestModules.concat;
import static io.github.wasmaot.wasm.TestModules.function;
import static io.github.wasmaot.wasm.TestModules.header;
import static io.github.wasmaot.wasm.TestModules.module;
import static io.github.wasmaot.wasm.TestModules.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.TestModules;
import io.github.wasmaot.wasm.UnsupportedFeatureException;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.DataMode;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleDecoderTest {

    private static final int[] I32 = {0x7f};

    private static String rejection(byte[] module) {
        return assertThrows(MalformedModuleException.class, () -> ModuleDecoder.decode(module)).reason();
    }

    @Test
    void decodesInstructionsWithImmediatesAndOffsets() {
        // i32.const 7; i32.const -1; i32.add; end
        WasmModule m = ModuleDecoder.decode(function(I32, 0x41, 0x07, 0x41, 0x7f, 0x6a, 0x0b));
        List<Instruction> code = m.code().get(0).instructions();
        int first = TestModules.firstInstructionOffset(I32);
        assertEquals(List.of(
                new Instruction(Opcode.I32_CONST, new Immediate.I32Const(7), first),
                new Instruction(Opcode.I32_CONST, new Immediate.I32Const(-1), first + 2),
                new Instruction(Opcode.I32_ADD, Immediate.None.INSTANCE, first + 4),
                new Instruction(Opcode.END, Immediate.None.INSTANCE, first + 5)), code);
        assertEquals(List.of(ValType.I32), m.types().get(0).results());
    }

    @Test
    void headerIsChecked() {
        assertEquals("magic header not detected", rejection(bytes(0x00, 0x61, 0x73, 0x6e, 1, 0, 0, 0)));
        assertEquals("unknown binary version", rejection(bytes(0x00, 0x61, 0x73, 0x6d, 2, 0, 0, 0)));
        assertEquals("unexpected end", rejection(bytes(0x00, 0x61)));
    }

    @Test
    void sectionsMustComeInOrderAndHaveExactSizes() {
        assertEquals("unexpected content after last section",
                rejection(module(section(FUNCTION, 0), section(TYPE, 0))));
        assertEquals("unexpected content after last section",
                rejection(module(section(TYPE, 0), section(TYPE, 0))));
        assertEquals("malformed section id", rejection(module(section(14, 0))));
        // 13 is the exception-handling proposal's tag section: named (UnsupportedProposalTest)
        assertEquals("malformed section id: tag section (id 13) is not supported (exception handling proposal)",
                rejection(module(section(13, 0))));
        // a type section claiming 2 bytes but holding an empty vector and a stray byte
        assertEquals("section size mismatch", rejection(module(section(TYPE, 0, 0))));
    }

    @Test
    void customSectionsMayAppearAnywhereAndNameSectionIsRead() {
        byte[] names = concat(bytes(4), "name".getBytes(), bytes(1, 4, 1, 0, 1, 'f'));
        byte[] m = module(section(0, bytes(3, 'a', 'b', 'c')), section(TYPE, 1, 0x60, 0, 0),
                section(FUNCTION, 1, 0), section(CODE, concat(bytes(1), body(0x0b))), section(0, names));
        WasmModule decoded = ModuleDecoder.decode(m);
        assertEquals(List.of("abc", "name"), decoded.customSections().stream().map(c -> c.name()).toList());
        assertEquals("f", decoded.names().orElseThrow().functionNames().get(0));
    }

    @Test
    void functionAndCodeCountsMustMatch() {
        assertEquals("function and code section have inconsistent lengths",
                rejection(module(section(TYPE, 1, 0x60, 0, 0), section(FUNCTION, 1, 0))));
    }

    @Test
    void dataCountMustMatchDataSection() {
        byte[] passive = bytes(1, 1, 0);
        assertEquals("data count and data section have inconsistent lengths",
                rejection(module(section(MEMORY, 1, 0, 1), section(DATA_COUNT, 2), section(DATA, passive))));
        WasmModule ok = ModuleDecoder.decode(
                module(section(MEMORY, 1, 0, 1), section(DATA_COUNT, 1), section(DATA, passive)));
        assertTrue(ok.data().get(0).mode() instanceof DataMode.Passive);
        assertEquals(1, ok.dataCount().orElseThrow());
    }

    @Test
    void dataDropNeedsDataCountWhenThereAreDataSegments() {
        byte[] m = module(section(TYPE, 1, 0x60, 0, 0), section(FUNCTION, 1, 0), section(MEMORY, 1, 0, 1),
                section(CODE, concat(bytes(1), body(0xfc, 0x09, 0x00, 0x0b))), section(DATA, 1, 1, 0));
        assertEquals("data count section required", rejection(m));
    }

    @Test
    void missingEndIsMalformed() {
        byte[] m = module(section(TYPE, 1, 0x60, 0, 0), section(FUNCTION, 2, 0, 0),
                section(CODE, concat(bytes(2), body(0x01), body(0x0b))));
        assertEquals("END opcode expected", rejection(m));
    }

    @Test
    void unknownOpcodeIsIllegal() {
        assertEquals("illegal opcode", rejection(function(new int[0], 0xff, 0x0b)));
    }

    @Test
    void unsupportedProposalsAreNamed() {
        UnsupportedFeatureException simd = assertThrows(UnsupportedFeatureException.class,
                () -> ModuleDecoder.decode(function(new int[0], 0xfd, 0x0c, 0x0b)));
        assertEquals("SIMD", simd.feature());
        assertEquals(TestModules.firstInstructionOffset(new int[0]), simd.offset());
        UnsupportedFeatureException threads = assertThrows(UnsupportedFeatureException.class,
                () -> ModuleDecoder.decode(function(new int[0], 0xfe, 0x03, 0x00, 0x0b)));
        assertEquals("threads", threads.feature());
    }

    @Test
    void reservedMemoryIndexByteMustBeZero() {
        byte[] m = module(section(TYPE, 1, 0x60, 0, 1, 0x7f), section(FUNCTION, 1, 0), section(MEMORY, 1, 0, 1),
                section(CODE, concat(bytes(1), body(0x3f, 0x01, 0x0b))));
        // a memory index other than 0 is the multi-memory proposal's
        assertEquals("zero byte expected: memory index byte 0x01 is not supported (multi-memory proposal)",
                rejection(m));
    }

    @Test
    void emptyModuleDecodes() {
        WasmModule m = ModuleDecoder.decode(header());
        assertTrue(m.types().isEmpty());
        assertTrue(m.start().isEmpty());
    }
}
