package io.github.wasmaot.wasm.validate;

import static io.github.wasmaot.wasm.TestModules.CODE;
import static io.github.wasmaot.wasm.TestModules.ELEMENT;
import static io.github.wasmaot.wasm.TestModules.EXPORT;
import static io.github.wasmaot.wasm.TestModules.FUNCTION;
import static io.github.wasmaot.wasm.TestModules.GLOBAL;
import static io.github.wasmaot.wasm.TestModules.MEMORY;
import static io.github.wasmaot.wasm.TestModules.TYPE;
import static io.github.wasmaot.wasm.TestModules.body;
import static io.github.wasmaot.wasm.TestModules.bytes;
import static io.github.wasmaot.wasm.TestModules.concat;
import static io.github.wasmaot.wasm.TestModules.function;
import static io.github.wasmaot.wasm.TestModules.module;
import static io.github.wasmaot.wasm.TestModules.section;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.wasm.InvalidModuleException;
import io.github.wasmaot.wasm.TestModules;
import io.github.wasmaot.wasm.decode.ModuleDecoder;
import org.junit.jupiter.api.Test;

class ModuleValidatorTest {

    private static final int[] NONE = {};
    private static final int[] I32 = {0x7f};

    private static InvalidModuleException invalid(byte[] module) {
        return assertThrows(InvalidModuleException.class, () -> ModuleValidator.validate(ModuleDecoder.decode(module)));
    }

    private static void valid(byte[] module) {
        assertDoesNotThrow(() -> ModuleValidator.validate(ModuleDecoder.decode(module)));
    }

    @Test
    void typeMismatchNamesFunctionAndInstructionOffset() {
        // i32.const 1; f32.neg; end  -> f32.neg (third byte) gets an i32
        InvalidModuleException e = invalid(function(I32, 0x41, 0x01, 0x8c, 0x0b));
        assertEquals(0, e.functionIndex());
        assertEquals(TestModules.firstInstructionOffset(I32) + 2, e.offset());
        assertTrue(e.reason().startsWith("type mismatch"), e.reason());
    }

    @Test
    void missingResultIsTypeMismatchAtEnd() {
        InvalidModuleException e = invalid(function(I32, 0x0b));
        assertEquals(TestModules.firstInstructionOffset(I32), e.offset());
        assertTrue(e.reason().startsWith("type mismatch"));
    }

    @Test
    void unknownLocal() {
        InvalidModuleException e = invalid(function(NONE, 0x20, 0x00, 0x1a, 0x0b));
        assertEquals("unknown local 0", e.reason());
        assertEquals(TestModules.firstInstructionOffset(NONE), e.offset());
    }

    @Test
    void alignmentMustNotExceedNatural() {
        byte[] m = module(section(TYPE, 1, 0x60, 0, 0), section(FUNCTION, 1, 0), section(MEMORY, 1, 0, 1),
                section(CODE, concat(bytes(1), body(0x41, 0x00, 0x28, 0x03, 0x00, 0x1a, 0x0b))));
        assertEquals("alignment must not be larger than natural", invalid(m).reason());
    }

    @Test
    void loadWithoutMemory() {
        assertEquals("unknown memory 0", invalid(function(I32, 0x41, 0x00, 0x28, 0x02, 0x00, 0x0b)).reason());
    }

    @Test
    void unreachableMakesTheStackPolymorphic() {
        // unreachable; i32.add; end  -> valid: operands come from the polymorphic stack
        valid(function(I32, 0x00, 0x6a, 0x0b));
        // br 0; f32.const 0; i32.add; drop -> still a type mismatch: f32 is a known operand
        InvalidModuleException e = invalid(function(NONE, 0x0c, 0x00, 0x43, 0, 0, 0, 0, 0x6a, 0x1a, 0x0b));
        assertEquals(TestModules.firstInstructionOffset(NONE) + 7, e.offset());
        // br 0 itself needs the function's i32 result on the stack
        assertEquals(TestModules.firstInstructionOffset(I32), invalid(function(I32, 0x0c, 0x00, 0x0b)).offset());
    }

    @Test
    void untypedSelectRejectsReferences() {
        // ref.null func; ref.null func; i32.const 1; select; drop; end
        InvalidModuleException e = invalid(function(NONE, 0xd0, 0x70, 0xd0, 0x70, 0x41, 0x01, 0x1b, 0x1a, 0x0b));
        assertTrue(e.reason().startsWith("type mismatch"));
        // the typed form accepts them
        valid(function(NONE, 0xd0, 0x70, 0xd0, 0x70, 0x41, 0x01, 0x1c, 0x01, 0x70, 0x1a, 0x0b));
    }

    @Test
    void branchTableTargetsMustAgreeInArity() {
        // block (result i32) ; i32.const 0 ; i32.const 0 ; br_table 0 1 ; end ; drop? -> arity 1 vs 0
        InvalidModuleException e = invalid(function(NONE,
                0x02, 0x7f, 0x41, 0x00, 0x41, 0x00, 0x0e, 0x01, 0x00, 0x01, 0x0b, 0x1a, 0x0b));
        assertTrue(e.reason().startsWith("type mismatch"));
        assertEquals(TestModules.firstInstructionOffset(NONE) + 6, e.offset());
    }

    @Test
    void refFuncNeedsADeclaration() {
        byte[] undeclared = function(NONE, 0xd2, 0x00, 0x1a, 0x0b);
        assertEquals("undeclared function reference", invalid(undeclared).reason());
        byte[] declared = module(section(TYPE, 1, 0x60, 0, 0), section(FUNCTION, 1, 0),
                section(ELEMENT, 1, 0x03, 0x00, 1, 0x00),
                section(CODE, concat(bytes(1), body(0xd2, 0x00, 0x1a, 0x0b))));
        valid(declared);
    }

    @Test
    void globalInitializerMustBeConstant() {
        byte[] m = module(section(GLOBAL, 1, 0x7f, 0x00, 0x41, 0x01, 0x41, 0x01, 0x6a, 0x0b));
        InvalidModuleException e = invalid(m);
        // the spec's wording first (i32.add is constant only with the extended-const proposal, named after it)
        assertTrue(e.reason().startsWith("constant expression required"), e.reason());
        assertEquals(-1, e.functionIndex());
        // header 8, section id and size 2, count 1, global type 2, i32.const 1 twice 4: i32.add
        assertEquals(8 + 2 + 1 + 2 + 4, e.offset());
    }

    @Test
    void exportNamesMustBeUnique() {
        byte[] m = module(section(TYPE, 1, 0x60, 0, 0), section(FUNCTION, 1, 0),
                section(EXPORT, 2, 1, 'f', 0, 0, 1, 'f', 0, 0),
                section(CODE, concat(bytes(1), body(0x0b))));
        assertEquals("duplicate export name", invalid(m).reason());
    }

    @Test
    void atMostOneMemory() {
        InvalidModuleException two = invalid(module(section(MEMORY, 2, 0, 1, 0, 1)));
        assertTrue(two.reason().startsWith("multiple memories"), two.reason());
        // header 8, section id and size 2, count 1, first memory 2: the second memory
        assertEquals(8 + 2 + 1 + 2, two.offset());
        assertEquals("memory size must be at most 65536 pages (4GiB)",
                invalid(module(section(MEMORY, 1, 0, 0x81, 0x80, 0x04))).reason());
    }

    @Test
    void startFunctionMustTakeAndReturnNothing() {
        byte[] m = module(section(TYPE, 1, 0x60, 0, 1, 0x7f), section(FUNCTION, 1, 0), section(8, 0),
                section(CODE, concat(bytes(1), body(0x41, 0x00, 0x0b))));
        InvalidModuleException e = invalid(m);
        assertTrue(e.reason().startsWith("start function"), e.reason());
        // header 8, type section 7, function section 4, start section id and size 2
        assertEquals(8 + 7 + 4 + 2, e.offset());
    }

    @Test
    void multiValueBlocks() {
        // type 0: [] -> [], type 1: [i32] -> [i32 i32]; block (type 1) with param from the stack
        byte[] m = module(section(TYPE, 2, 0x60, 0, 0, 0x60, 1, 0x7f, 2, 0x7f, 0x7f), section(FUNCTION, 1, 0),
                section(CODE, concat(bytes(1), body(0x41, 0x01, 0x02, 0x01, 0x41, 0x02, 0x0b, 0x1a, 0x1a, 0x0b))));
        valid(m);
    }
}
