package io.github.wasmaot.wasm.decode;

import static io.github.wasmaot.wasm.TestModules.DATA;
import static io.github.wasmaot.wasm.TestModules.EXPORT;
import static io.github.wasmaot.wasm.TestModules.GLOBAL;
import static io.github.wasmaot.wasm.TestModules.IMPORT;
import static io.github.wasmaot.wasm.TestModules.MEMORY;
import static io.github.wasmaot.wasm.TestModules.TYPE;
import static io.github.wasmaot.wasm.TestModules.function;
import static io.github.wasmaot.wasm.TestModules.header;
import static io.github.wasmaot.wasm.TestModules.module;
import static io.github.wasmaot.wasm.TestModules.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wasmaot.wasm.InvalidModuleException;
import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.TestModules;
import io.github.wasmaot.wasm.UnsupportedFeatureException;
import io.github.wasmaot.wasm.validate.ModuleValidator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Modules using a proposal the compiler does not implement are rejected naming the proposal, the construct and
 * its offset; where the core spec calls the bytes malformed, the message starts with the spec's wording.
 */
class UnsupportedProposalTest {
    private static final int[] NONE = new int[0];
    private static final int FIRST = TestModules.firstInstructionOffset(NONE);
    /** Offset of the first byte of a section's content when it is the first section and shorter than 128. */
    private static final int CONTENT = 8 + 2;

    private static UnsupportedFeatureException unsupported(byte[] module) {
        return assertThrows(UnsupportedFeatureException.class, () -> ModuleDecoder.decode(module));
    }

    private static void assertNamed(String feature, String message, int offset, byte[] module) {
        UnsupportedFeatureException e = unsupported(module);
        assertEquals(feature, e.feature());
        assertEquals(offset, e.offset());
        assertEquals(message + " (at offset " + offset + ")", e.getMessage());
    }

    @Test
    void exceptionHandling() {
        // (tag) section: id 13, one tag of type 0, after a 6-byte type section
        assertNamed("exception handling", "malformed section id: tag section (id 13) is not supported "
                + "(exception handling proposal)", 8 + 6, module(section(TYPE, 1, 0x60, 0, 0), section(13, 1, 0, 0)));
        // try (0x06) / throw (0x08) / try_table (0x1f) / throw_ref (0x0a)
        for (int op : new int[] {0x06, 0x08, 0x0a, 0x1f}) {
            assertNamed("exception handling", String.format("opcode 0x%02x is not supported (exception handling "
                    + "proposal)", op), FIRST, function(NONE, op, 0x40, 0x0b, 0x0b));
        }
        // (import "m" "t" (tag (type 0)))
        assertNamed("exception handling", "malformed import kind: tag import (kind 4) is not supported "
                + "(exception handling proposal)", 8 + 6 + 2 + 1 + 2 + 2,
                module(section(TYPE, 1, 0x60, 0, 0), section(IMPORT, 1, 1, 'm', 1, 't', 4, 0, 0)));
        // (export "t" (tag 0))
        assertNamed("exception handling", "malformed export kind: tag export (kind 4) is not supported "
                + "(exception handling proposal)", CONTENT + 3, module(section(EXPORT, 1, 1, 't', 4, 0)));
        // (func (param exnref))
        assertNamed("exception handling", "malformed value type: reference type exnref (0x69) is not supported "
                + "(exception handling proposal)", CONTENT + 3, module(section(TYPE, 1, 0x60, 1, 0x69, 0)));
    }

    @Test
    void memory64() {
        // (memory i64 1) and (memory i64 1 2): limits flags 0x04 / 0x05
        assertNamed("memory64", "integer too large: 64-bit memory (limits flags 0x04) is not supported "
                + "(memory64 proposal)", CONTENT + 1, module(section(MEMORY, 1, 0x04, 1)));
        assertNamed("memory64", "integer too large: 64-bit memory (limits flags 0x05) is not supported "
                + "(memory64 proposal)", CONTENT + 1, module(section(MEMORY, 1, 0x05, 1, 2)));
        // (table i64 1 funcref)
        assertNamed("memory64", "integer too large: 64-bit table (limits flags 0x04) is not supported "
                + "(memory64 proposal)", CONTENT + 2, module(section(4, 1, 0x70, 0x04, 1)));
        // shared 64-bit memory
        assertEquals("memory64", unsupported(module(section(MEMORY, 1, 0x07, 1, 2))).feature());
    }

    @Test
    void threadsSharedMemory() {
        assertNamed("threads", "integer too large: shared memory is not supported (threads proposal)",
                CONTENT + 1, module(section(MEMORY, 1, 0x03, 1, 2)));
    }

    @Test
    void gcTypes() {
        // (type (struct)), (type (array i32)), (rec ...), (sub ...)
        assertNamed("GC", "malformed function type: struct type (0x5f) is not supported (GC proposal)",
                CONTENT + 1, module(section(TYPE, 1, 0x5f, 0)));
        assertNamed("GC", "malformed function type: array type (0x5e) is not supported (GC proposal)",
                CONTENT + 1, module(section(TYPE, 1, 0x5e, 0x7f, 0)));
        assertNamed("GC", "malformed function type: recursive type group (0x4e) is not supported (GC proposal)",
                CONTENT + 1, module(section(TYPE, 1, 0x4e, 0)));
        assertNamed("GC", "malformed function type: subtype (0x50) is not supported (GC proposal)",
                CONTENT + 1, module(section(TYPE, 1, 0x50, 0, 0x60, 0, 0)));
        // (func (param anyref)); a table of i31ref
        assertNamed("GC", "malformed value type: reference type 0x6e (anyref) is not supported (GC proposal)",
                CONTENT + 3, module(section(TYPE, 1, 0x60, 1, 0x6e, 0)));
        assertNamed("GC", "malformed reference type: reference type 0x6c (i31ref) is not supported (GC proposal)",
                CONTENT + 1, module(section(4, 1, 0x6c, 0, 1)));
        // struct.new 0 (prefix 0xfb)
        assertNamed("GC", "opcode prefix 0xfb is not supported (GC proposal)", FIRST,
                function(NONE, 0xfb, 0x00, 0x00, 0x0b));
    }

    @Test
    void typedFunctionReferences() {
        // (func (param (ref 0)))
        assertNamed("function references", "malformed value type: reference type (ref ...) (0x64) is not "
                + "supported (function references proposal)", CONTENT + 3,
                module(section(TYPE, 1, 0x60, 1, 0x64, 0, 0)));
        // block (result (ref null func))
        assertNamed("function references", "malformed value type: reference type (ref null ...) (0x63) is not "
                + "supported (function references proposal)", FIRST + 1,
                function(NONE, 0x02, 0x63, 0x70, 0x0b, 0x0b));
        // call_ref
        assertNamed("function references", "opcode 0x14 is not supported (function references proposal)", FIRST,
                function(NONE, 0x14, 0x00, 0x0b));
    }

    private static InvalidModuleException invalid(byte[] module) {
        return assertThrows(InvalidModuleException.class,
                () -> ModuleValidator.validate(ModuleDecoder.decode(module)));
    }

    private static void assertInvalidNamed(String feature, String message, int offset, byte[] module) {
        InvalidModuleException e = invalid(module);
        assertEquals(Optional.of(feature), e.feature());
        assertEquals(offset, e.offset());
        assertEquals(message + " (at offset " + offset + ")", e.getMessage());
    }

    @Test
    void extendedConstantExpressions() {
        // (global i32 (i32.add (i32.const 1) (i32.const 2))): the add after count, type, mutability and two consts
        String[] names = {"i32.add", "i32.sub", "i32.mul"};
        int[] codes = {0x6a, 0x6b, 0x6c};
        for (int k = 0; k < 3; k++) {
            assertInvalidNamed("extended-const", "constant expression required: " + names[k] + " in a constant "
                    + "expression is not supported (extended-const proposal)", CONTENT + 7,
                    module(section(GLOBAL, 1, 0x7f, 0, 0x41, 1, 0x41, 2, codes[k], 0x0b)));
        }
        // (global i64 (i64.mul (i64.const 3) (i64.const 4)))
        assertInvalidNamed("extended-const", "constant expression required: i64.mul in a constant expression is "
                + "not supported (extended-const proposal)", CONTENT + 7,
                module(section(GLOBAL, 1, 0x7e, 0, 0x42, 3, 0x42, 4, 0x7e, 0x0b)));
        // (memory 1) (data (i32.sub (i32.const 8) (i32.const 4)) ""): a 5-byte memory section, then the data
        // section's id, size, count, flags and two consts
        assertInvalidNamed("extended-const", "constant expression required: i32.sub in a constant expression is "
                + "not supported (extended-const proposal)", 8 + 5 + 8,
                module(section(MEMORY, 1, 0, 1), section(DATA, 1, 0, 0x41, 8, 0x41, 4, 0x6b, 0x0b, 0)));
        // what the core spec says about other instructions stays as it was
        InvalidModuleException ctz = invalid(module(section(GLOBAL, 1, 0x7f, 0, 0x41, 0, 0x68, 0x0b)));
        assertEquals("constant expression required", ctz.reason());
        assertEquals(Optional.empty(), ctz.feature());
    }

    @Test
    void globalGetOfDefinedGlobalInConstantExpression() {
        // (global i32 (i32.const 0)) (global i32 (global.get 0)): spec 2.0 "unknown global"; GC lifts it
        assertInvalidNamed("GC", "unknown global 0: global.get of a global defined in this module (not imported) in "
                + "a constant expression is not supported (GC proposal)", CONTENT + 8,
                module(section(GLOBAL, 2, 0x7f, 0, 0x41, 0, 0x0b, 0x7f, 0, 0x23, 0, 0x0b)));
        // an index past every global stays plainly unknown
        InvalidModuleException unknown = invalid(module(section(GLOBAL, 1, 0x7f, 0, 0x23, 1, 0x0b)));
        assertEquals("unknown global 1", unknown.reason());
        assertEquals(Optional.empty(), unknown.feature());
    }

    @Test
    void multiMemory() {
        // (memory 1) (memory 1): the second memory at content + 3
        assertInvalidNamed("multi-memory", "multiple memories: a second memory (2 memories, imported and defined) is "
                + "not supported (multi-memory proposal)", CONTENT + 3, module(section(MEMORY, 2, 0, 1, 0, 1)));
        // (import "m" "m" (memory 1)) (memory 1)
        assertInvalidNamed("multi-memory", "multiple memories: a second memory (2 memories, imported and defined) is "
                + "not supported (multi-memory proposal)", 8 + 10 + 3,
                module(section(IMPORT, 1, 1, 'm', 1, 'm', 2, 0, 1), section(MEMORY, 1, 0, 1)));
        // memory.size 1, memory.grow 1, memory.fill 1
        assertNamed("multi-memory", "zero byte expected: memory index byte 0x01 is not supported (multi-memory "
                + "proposal)", FIRST + 1, function(NONE, 0x3f, 0x01, 0x1a, 0x0b));
        assertNamed("multi-memory", "zero byte expected: memory index byte 0x02 is not supported (multi-memory "
                + "proposal)", FIRST + 3, function(NONE, 0x41, 0x00, 0x40, 0x02, 0x1a, 0x0b));
    }

    @Test
    void simdAndRelaxedSimd() {
        assertNamed("SIMD", "opcode prefix 0xfd is not supported (SIMD proposal)", FIRST,
                function(NONE, 0xfd, 0x0c, 0x0b));
        // i32x4.relaxed_trunc_f32x4_s: 0xfd 0x101 (LEB 0x81 0x02)
        assertNamed("relaxed SIMD", "opcode 0xfd 0x101 is not supported (relaxed SIMD proposal)", FIRST,
                function(NONE, 0xfd, 0x81, 0x02, 0x0b));
    }

    @Test
    void wideArithmetic() {
        // i64.add128 (0xfc 19), i64.sub128, i64.mul_wide_s, i64.mul_wide_u (0xfc 22)
        for (int sub = 19; sub <= 22; sub++) {
            assertNamed("wide arithmetic", "opcode 0xfc " + sub + " is not supported (wide arithmetic proposal)",
                    FIRST, function(NONE, 0xfc, sub, 0x0b));
        }
        // 0xfc 23 is nobody's
        assertEquals("illegal opcode", assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(function(NONE, 0xfc, 23, 0x0b))).reason());
    }

    @Test
    void stackSwitching() {
        // (type (cont 0))
        assertNamed("stack switching", "malformed function type: continuation type (0x5d) is not supported (stack "
                + "switching proposal)", CONTENT + 1, module(section(TYPE, 1, 0x5d, 0)));
        // (func (param contref))
        assertNamed("stack switching", "malformed value type: reference type 0x68 (contref) is not supported (stack "
                + "switching proposal)", CONTENT + 3, module(section(TYPE, 1, 0x60, 1, 0x68, 0)));
        // cont.new 0 ... switch
        for (int op = 0xe0; op <= 0xe5; op++) {
            assertNamed("stack switching", String.format("opcode 0x%02x is not supported (stack switching "
                    + "proposal)", op), FIRST, function(NONE, op, 0x00, 0x0b));
        }
    }

    @Test
    void tailCalls() {
        // return_call 0, return_call_indirect 0 0
        assertNamed("tail calls", "opcode 0x12 is not supported (tail calls proposal)", FIRST,
                function(NONE, 0x12, 0x00, 0x0b));
        assertNamed("tail calls", "opcode 0x13 is not supported (tail calls proposal)", FIRST,
                function(NONE, 0x13, 0x00, 0x00, 0x0b));
    }

    @Test
    void threadsAtomics() {
        // memory.atomic.notify (0xfe 0x00)
        assertNamed("threads", "opcode prefix 0xfe (atomics) is not supported (threads proposal)", FIRST,
                function(NONE, 0xfe, 0x00, 0x02, 0x00, 0x0b));
    }

    @Test
    void customPageSizes() {
        // (memory 1 (pagesize 1)): limits flags 0x08 then the page size exponent
        assertEquals("custom page sizes", unsupported(module(section(MEMORY, 1, 0x08, 1, 0))).feature());
    }

    @Test
    void unknownBytesStayPlainlyMalformed() {
        MalformedModuleException section = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(module(section(14, 0))));
        assertEquals(MalformedModuleException.class, section.getClass());
        assertEquals("malformed section id", section.reason());
        MalformedModuleException type = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(module(section(TYPE, 1, 0x60, 1, 0x42, 0))));
        assertEquals(MalformedModuleException.class, type.getClass());
        MalformedModuleException limits = assertThrows(MalformedModuleException.class,
                () -> ModuleDecoder.decode(module(section(4, 1, 0x70, 0x02, 1))));
        assertEquals(MalformedModuleException.class, limits.getClass());
        assertEquals("integer too large", limits.reason());
        assertEquals(8, header().length);
    }
}
