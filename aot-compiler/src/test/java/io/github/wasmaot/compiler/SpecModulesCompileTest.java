package io.github.wasmaot.compiler;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.verifier.Target;
import io.github.wasmaot.verifier.Verifier;
import io.github.wasmaot.wasm.WasmException;
import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.validate.ModuleValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every valid module of a set of spec-test folders (numeric ops, control flow, calls, tables, references,
 * memory, bulk memory, imports) either
 * compiles for all four cells into an image the verifier accepts for its own profile and ISA and refuses for the
 * other pinned profile, reproducibly,
 * or is refused with a CompileException marked {@link CompileException#notYetTranslated()} (or, for the modules in {@link #REFUSED}, because the
 * verifier says the runtime would refuse the image): never another failure.
 */
class SpecModulesCompileTest {
    private static final List<String> FOLDERS = List.of("i32", "i64", "f32", "f64", "conversions", "int_exprs",
            "float_exprs", "block", "loop", "if", "br", "br_if", "br_table", "return", "call", "call_indirect",
            "fac", "func_ptrs", "select", "local_get", "local_set", "local_tee", "global", "memory", "address",
            "load", "store", "memory_grow", "memory_size", "traps", "unreachable", "switch", "stack", "labels",
            "endianness", "left-to-right", "start", "int_literals", "float_literals", "nop", "unwind",
            "memory_copy", "memory_fill", "names", "exports", "func", "table", "table_get", "table_set",
            "table_size", "table_grow", "table_fill", "table_copy", "table_init", "ref_null", "ref_is_null",
            "ref_func", "memory_init", "bulk", "elem", "data", "imports", "linking");
    /** Valid modules a pinned runtime refuses: names.2 exports "" and "\0", the same C string for WAMR 2.4. */
    private static final List<String> REFUSED = List.of("names.2.wasm");
    private static final String[][] CELLS = {
        {"wamr-cba4c782", "x86_64"}, {"wamr-cba4c782", "aarch64"}, {"wamr-2.4", "x86_64"}, {"wamr-2.4", "aarch64"}};

    @TestFactory
    Stream<DynamicTest> validSpecModulesCompileOrAreRefusedClearly() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = AotVectors.sharedDir().resolve("spec-tests").resolve(folder);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> modules;
            try (Stream<Path> files = Files.list(dir)) {
                modules = files.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
            }
            for (Path module : modules) {
                byte[] wasm = TestFiles.read(module);
                if (!valid(wasm)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(folder + "/" + module.getFileName(), () -> check(module, wasm)));
            }
        }
        assertTrue(tests.size() > 100, "found " + tests.size() + " valid modules");
        return tests.stream();
    }

    private static void check(Path module, byte[] wasm) {
        String name = module.getFileName().toString();
        for (String[] cell : CELLS) {
            byte[] image;
            try {
                image = AotCompiler.compile(wasm, name, CompileOptions.of(cell[0], cell[1]));
            } catch (CompileException e) {
                assertTrue(e.notYetTranslated() || REFUSED.contains(name),
                        cell[0] + " " + cell[1] + ": " + e.getMessage());
                return;
            }
            assertTrue(Verifier.verify(image, name, ProfileCatalog.byNameOrAlias(cell[0]).orElseThrow(),
                    Target.of(cell[1])).accepted(), cell[0] + " " + cell[1]);
            String other = cell[0].equals("wamr-2.4") ? "wamr-cba4c782" : "wamr-2.4";
            assertFalse(Verifier.verify(image, name, ProfileCatalog.byNameOrAlias(other).orElseThrow(),
                    Target.of(cell[1])).accepted(), "an image for " + cell[0] + " must be refused by " + other);
            assertArrayEquals(image, AotCompiler.compile(wasm, name, CompileOptions.of(cell[0], cell[1])),
                    "recompiling for " + cell[0] + " " + cell[1]);
        }
    }

    private static boolean valid(byte[] wasm) {
        try {
            ModuleValidator.validate(ModuleDecoder.decode(wasm));
            return true;
        } catch (WasmException e) {
            return false;
        }
    }
}
