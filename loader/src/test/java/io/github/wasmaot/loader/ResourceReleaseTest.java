package io.github.wasmaot.loader;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** close() returns the mappings an instance made (8 GiB linear-memory reservations included). */
class ResourceReleaseTest {
    private static final Path MAPS = Path.of("/proc/self/maps");

    private static long mappings() throws IOException {
        try (var lines = Files.lines(MAPS)) {
            return lines.count();
        }
    }

    @ParameterizedTest
    @EnumSource(BackendKind.class)
    void repeatedInstancesDoNotAccumulateMappings(BackendKind kind) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(MAPS), "needs /proc/self/maps");
        String file = "features.wamr-2.4.x86_64.bounds-checks.aot";
        AotModule module = AotModule.open(AotVectors.byFile(file).bytes(), file, "wamr-2.4");
        Backends.assumeAvailable(kind, module.isa());
        for (int i = 0; i < 5; i++) { // warm up JNA, Unicorn and JIT-owned mappings
            cycle(module, kind);
        }
        long before = mappings();
        for (int i = 0; i < 50; i++) {
            cycle(module, kind);
        }
        long after = mappings();
        assertTrue(after - before < 10, "mappings grew from " + before + " to " + after);
    }

    private static void cycle(AotModule module, BackendKind kind) throws LoaderException {
        try (Instance instance = module.instantiate(kind, InstanceOptions.defaults())) {
            assertEquals(List.of(WasmValue.i32(35)), instance.call("apply",
                    List.of(WasmValue.i32(2), WasmValue.i32(7), WasmValue.i32(5))));
        }
    }
}
