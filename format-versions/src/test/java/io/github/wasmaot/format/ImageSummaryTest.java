package io.github.wasmaot.format;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.summary.ExportSummary;
import io.github.wasmaot.format.summary.ImageSummary;
import io.github.wasmaot.format.summary.RelocationGroupSummary;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImageSummaryTest {
    static List<AotVectors.Entry> vectors() {
        return AotVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void summaryDescribesTheImage(AotVectors.Entry v) throws Exception {
        byte[] bytes = v.bytes();
        ImageSummary s = ImageSummary.inspect(bytes, v.file());
        assertEquals(v.isa(), s.isa());
        assertEquals(v.aotVersion(), s.aotVersion());
        assertTrue(s.family().contains(v.profile()), s.family());
        assertEquals(List.of("target_info", "init_data", "text", "function", "export", "relocation"),
                s.sections().stream().map(x -> x.name()).collect(Collectors.toList()));
        assertEquals(8, s.sections().get(0).headerOffset());
        assertEquals(v.targetInfoSize(), s.sections().get(0).size());
        var last = s.sections().get(s.sections().size() - 1);
        assertEquals(bytes.length, last.bodyOffset() + last.size());
        List<String> exports = s.exports().stream().map(ExportSummary::name).collect(Collectors.toList());
        for (String invoked : v.invokedExports()) {
            assertTrue(exports.contains(invoked), exports + " should contain " + invoked);
        }
        if (v.file().startsWith("hello")) {
            assertTrue(s.imports().stream().anyMatch(i -> i.module().startsWith("wasi")), s.imports().toString());
        }
        int total = s.relocations().stream().mapToInt(RelocationGroupSummary::count).sum();
        int byKind = s.relocations().stream().flatMap(g -> g.byKind().values().stream())
                .mapToInt(Integer::intValue).sum();
        assertEquals(total, byKind);
        assertTrue(s.relocations().stream().flatMap(g -> g.byKind().keySet().stream())
                .noneMatch(k -> k.startsWith("type ")), "every kind named by the loader facts: " + s.relocations());
        assertEquals(s.functions().size(), AotReader.read(bytes, v.file()).initData().funcCount());
    }
}
