package io.github.wasmaot.compiler;

import static io.github.wasmaot.compiler.TinyModules.compiledText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What LLVM must not optimise away, seen in the machine code: a function whose wasm body is an identity
 * except for its NaN behaviour (or its trap) must not compile to the same code as the identity.
 */
class CodegenSemanticsTest {
    private static final byte F32 = 0x7d;
    private static final byte F64 = 0x7c;

    static Stream<Arguments> cells() {
        return Stream.of(Arguments.of("wamr-cba4c782", "x86_64"), Arguments.of("wamr-cba4c782", "aarch64"),
                Arguments.of("wamr-2.4", "x86_64"), Arguments.of("wamr-2.4", "aarch64"));
    }

    private static java.util.Set<String> relocatedSymbols(byte[] wasm, CompileOptions options)
            throws AotFormatException {
        AotImage image = AotReader.read(AotCompiler.compile(wasm, "m.wasm", options), "m.aot");
        return image.relocations().groups().stream().flatMap(g -> g.relocations().stream())
                .map(r -> r.symbol().text()).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * With the native stack check even {@code add}, which cannot trap otherwise, raises an exception through the
     * runtime's helper; without it (wamrc's default without bounds checks) it does not. Software bounds checks
     * turn the stack check on unless it is turned off, as in wamrc.
     */
    @ParameterizedTest
    @MethodSource("cells")
    void stackBoundsChecksRaiseNativeStackOverflowThroughTheRuntime(String profile, String isa) throws Exception {
        byte[] add = TestFiles.read(AotVectors.dir().resolve("add.wasm"));
        CompileOptions defaults = CompileOptions.of(profile, isa);
        assertFalse(relocatedSymbols(add, defaults).contains("aot_set_exception_with_id"));
        assertTrue(relocatedSymbols(add, defaults.withStackBoundsChecks(true)).contains("aot_set_exception_with_id"));
        assertTrue(relocatedSymbols(add, defaults.withBoundsChecks(true)).contains("aot_set_exception_with_id"));
        assertFalse(relocatedSymbols(add, defaults.withBoundsChecks(true).withStackBoundsChecks(false))
                .contains("aot_set_exception_with_id"));
    }

    /** x - 0, x * 1, x / 1 and demote(promote(x)) must quiet a signalling NaN: they are not x. */
    @ParameterizedTest
    @MethodSource("cells")
    void nanQuietingFloatIdentitiesAreNotFolded(String profile, String isa) throws Exception {
        CompileOptions options = CompileOptions.of(profile, isa);
        byte[] identity32 = compiledText(TinyModules.unary(F32), options);
        byte[] identity64 = compiledText(TinyModules.unary(F64), options);
        // f32.const 0 f32.sub; f32.const 1 f32.mul; f32.const 1 f32.div; f64.promote_f32 f32.demote_f64
        assertFalse(Arrays.equals(identity32, compiledText(TinyModules.unary(F32, 0x43, 0, 0, 0, 0, 0x93), options)));
        assertFalse(Arrays.equals(identity32,
                compiledText(TinyModules.unary(F32, 0x43, 0, 0, 0x80, 0x3f, 0x94), options)));
        assertFalse(Arrays.equals(identity32,
                compiledText(TinyModules.unary(F32, 0x43, 0, 0, 0x80, 0x3f, 0x95), options)));
        assertFalse(Arrays.equals(identity32, compiledText(TinyModules.unary(F32, 0xbb, 0xb6), options)));
        // f64.const 0 f64.sub
        assertFalse(Arrays.equals(identity64,
                compiledText(TinyModules.unary(F64, 0x44, 0, 0, 0, 0, 0, 0, 0, 0, 0xa1), options)));
    }

    /**
     * {@code drop (i32.load8_u (local.get 0))} must still load, so that an out-of-bounds address faults on the
     * guard pages; with software bounds checks the check is there either way. The control: the same load is
     * what tells it apart from an empty function.
     */
    @ParameterizedTest
    @MethodSource("cells")
    void droppedLoadsStay(String profile, String isa) throws Exception {
        for (boolean boundsChecks : new boolean[] {false, true}) {
            CompileOptions options = CompileOptions.of(profile, isa).withBoundsChecks(boundsChecks);
            byte[] empty = compiledText(TinyModules.emptyWithMemory(), options);
            byte[] droppedLoad = compiledText(TinyModules.withMemory(0x2d, 0x00, 0x00, 0x1a), options);
            assertFalse(Arrays.equals(empty, droppedLoad), "bounds checks " + boundsChecks);
            // i32.load8_u local.set 1, local 1 never read
            byte[] deadLocal = compiledText(TinyModules.withMemoryAndLocal(0x2d, 0x00, 0x00, 0x21, 0x01), options);
            assertFalse(Arrays.equals(empty, deadLocal), "bounds checks " + boundsChecks);
        }
        // local.get 0 drop: no load, nothing to keep
        CompileOptions options = CompileOptions.of(profile, isa);
        assertArrayEquals(compiledText(TinyModules.emptyWithMemory(), options),
                compiledText(TinyModules.withMemory(0x1a), options));
    }
}
