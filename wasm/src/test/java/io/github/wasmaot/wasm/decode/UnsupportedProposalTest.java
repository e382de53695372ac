package io.github.wasmaot.wasm.decode;

import static io.github.wasmaot.wasm.TestModules.EXPORT;
import static io.github.wasmaot.wasm.TestModules.IMPORT;
import static io.github.wasmaot.wasm.TestModules.MEMORY;
import static io.github.wasmaot.wasm.TestModules.TYPE;
import static io.github.wasmaot.wasm.TestModules.function;
import static io.github.wasmaot.wasm.TestModules.header;
import static io.github.wasmaot.wasm.TestModules.module;
import static io.github.wasmaot.wasm.TestModules.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.TestModules;
import io.github.wasmaot.wasm.UnsupportedFeatureException;
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

    @Test
    void multiMemory() {
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
