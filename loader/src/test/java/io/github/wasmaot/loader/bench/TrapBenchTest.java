package io.github.wasmaot.loader.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Instance;
import io.github.wasmaot.loader.InstanceOptions;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.TrapKind;
import io.github.wasmaot.loader.WasmTrapException;
import io.github.wasmaot.loader.WasmValue;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 10,000 trapping calls on one instance, then an ordinary call on the same instance must still return the
 * right value, and the JVM must still be healthy: no thread or mapping growth (leak checks with generous
 * bounds). Rates and RSS are reported, not asserted.
 */
@Tag("bench")
class TrapBenchTest {
    private static final String SECTION = "20-traps";
    private static final String TITLE = "10,000 trapping calls on one instance";
    private static final List<String> HEADER = List.of("image", "backend", "trap", "traps", "traps/s",
            "then div(7,2)", "Java threads before / after", "OS threads before / after",
            "maps before / after", "RSS MiB before / after");

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "features.wamr-2.4.x86_64.aot, NATIVE, div",
        "features.wamr-2.4.x86_64.aot, NATIVE, boom",
        "features.wamr-2.4.x86_64.aot, EMULATED, div",
        "features.wamr-2.4.aarch64.aot, EMULATED, div",
        "features.wamr-2.4.aarch64.aot, EMULATED, boom",
        // guard-page hit: only the emulator turns the fault into a trap
        "features.wamr-2.4.aarch64.aot, EMULATED, load",
    })
    void trapsThenNormalCall(String file, BackendKind kind, String export) throws Exception {
        AotVectors.Entry entry = AotVectors.byFile(file);
        String why = kind.unavailableReason(Isa.ofArch(entry.isa()).orElseThrow());
        Assumptions.assumeTrue(why == null, why);
        int traps = Bench.scaled(10_000);
        List<WasmValue> args;
        TrapKind expected;
        switch (export) {
            case "div" -> {
                args = List.of(WasmValue.i32(7), WasmValue.i32(0));
                expected = TrapKind.INTEGER_DIVIDE_BY_ZERO;
            }
            case "boom" -> {
                args = List.of();
                expected = TrapKind.UNREACHABLE;
            }
            case "load" -> {
                args = List.of(WasmValue.i32(70000));
                expected = TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS;
            }
            default -> throw new IllegalArgumentException(export);
        }
        AotModule module = AotModule.open(entry.bytes(), file);
        try (Instance instance = module.instantiate(kind, InstanceOptions.defaults())) {
            // warm-up: JIT, JNA/Unicorn call paths
            for (int i = 0; i < Math.min(500, traps); i++) {
                assertThrows(WasmTrapException.class, () -> instance.call(export, args));
            }
            assertEquals(List.of(WasmValue.i32(3)), instance.call("div", List.of(WasmValue.i32(7), WasmValue.i32(2))));
            int javaBefore = Bench.javaThreads();
            long osBefore = Bench.osThreads();
            long mapsBefore = Bench.mappings();
            long rssBefore = Bench.rssKiB();
            int trapped = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < traps; i++) {
                try {
                    instance.call(export, args);
                } catch (WasmTrapException e) {
                    if (e.kind() == expected) {
                        trapped++;
                    }
                }
            }
            long elapsed = System.nanoTime() - t0;
            List<WasmValue> after = instance.call("div", List.of(WasmValue.i32(7), WasmValue.i32(2)));
            int javaAfter = Bench.javaThreads();
            long osAfter = Bench.osThreads();
            long mapsAfter = Bench.mappings();
            long rssAfter = Bench.rssKiB();
            Bench.row(SECTION, TITLE, HEADER, "`" + file + "`", kind, expected.text(), trapped + "/" + traps,
                    Bench.f0(traps / (elapsed / 1e9)), after.equals(List.of(WasmValue.i32(3))) ? "3 ✓" : after,
                    javaBefore + " / " + javaAfter, osBefore + " / " + osAfter, mapsBefore + " / " + mapsAfter,
                    Bench.mib(rssBefore) + " / " + Bench.mib(rssAfter));

            Bench.noteOnce(SECTION, "Method: one instance per row; 500 warm-up traps, then " + traps
                    + " timed calls that each throw WasmTrapException (kind checked), then `div(7, 2)` on the same"
                    + " instance. Threads and maps are leak checks (asserted: at most +2 Java threads, +4 OS threads,"
                    + " +32 maps); RSS is reported only. The native backend cannot turn a guard-page fault into a"
                    + " trap (SIGSEGV), so the out-of-bounds row is emulated only.");
            assertEquals(traps, trapped, "every call trapped with " + expected);
            assertEquals(List.of(WasmValue.i32(3)), after);
            // leak checks (behaviour, generous bounds): traps must not leave threads or mappings behind
            assertTrue(javaAfter - javaBefore <= 2, "Java threads " + javaBefore + " -> " + javaAfter);
            assertTrue(osAfter - osBefore <= 4, "OS threads " + osBefore + " -> " + osAfter);
            assertTrue(mapsAfter - mapsBefore <= 32, "mappings " + mapsBefore + " -> " + mapsAfter);
        }
    }
}
