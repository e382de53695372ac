package io.github.wasmaot.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> lines = new ArrayList<>();

    private ProgressPrinter printer(long quiet, long interval) {
        return new ProgressPrinter(lines::add, "wasm-aot compile: big.wasm", quiet, interval, now::get, false);
    }

    @Test
    void aQuickCompilePrintsNothing() {
        ProgressPrinter p = printer(2000, 500);
        p.started(3);
        for (int i = 1; i <= 3; i++) {
            now.addAndGet(100);
            p.functionsTranslated(i, 3);
        }
        p.emittingObject();
        now.addAndGet(900);
        p.tick();
        p.objectEmitted(1234);
        p.imageWritten(Path.of("big.aot"), 2345);
        assertEquals(List.of(), lines);
    }

    @Test
    void aSlowCompilePrintsAFewLinesASecondAfterTheQuietPeriod() {
        ProgressPrinter p = printer(2000, 500);
        p.started(1000);
        for (int i = 1; i <= 1000; i++) {
            now.addAndGet(5); // 5 s of translation, one function every 5 ms
            p.functionsTranslated(i, 1000);
        }
        // 3 s past the quiet period at one line per 500 ms: 7 lines at most (2.0, 2.5, ..., 5.0 s)
        assertTrue(lines.size() >= 6 && lines.size() <= 7, lines.toString());
        assertEquals("wasm-aot compile: big.wasm: functions translated 400/1000 (2.0 s)", lines.get(0));
        assertEquals("wasm-aot compile: big.wasm: functions translated 500/1000 (2.5 s)", lines.get(1));
        p.emittingObject();
        now.addAndGet(100);
        p.tick(); // within 500 ms of the last line: nothing yet
        int before = lines.size();
        now.addAndGet(500);
        p.tick(); // LLVM is busy; the ticker says what is going on
        assertEquals(before + 1, lines.size());
        assertEquals("wasm-aot compile: big.wasm: optimising and emitting the object (5.6 s)", lines.get(before));
        now.addAndGet(600);
        p.tick(); // nothing changed: no new line
        assertEquals(before + 1, lines.size());
        p.objectEmitted(4096);
        now.addAndGet(10);
        p.imageWritten(Path.of("big.aot"), 8192); // milestones are not rate-limited
        assertEquals(List.of("wasm-aot compile: big.wasm: object emitted (4096 bytes); building and verifying the image (6.2 s)",
                "wasm-aot compile: big.wasm: image written to big.aot (8192 bytes) (6.2 s)"),
                lines.subList(before + 1, lines.size()));
    }

    @Test
    void aLongDecodeSaysSo() {
        ProgressPrinter p = printer(2000, 500);
        now.addAndGet(1999);
        p.tick();
        assertEquals(List.of(), lines);
        now.addAndGet(1);
        p.tick();
        p.tick();
        assertEquals(List.of("wasm-aot compile: big.wasm: decoding and validating (2.0 s)"), lines);
    }

    @Test
    void onATerminalItStartsAtOnce() {
        ProgressPrinter p = printer(0, 500);
        p.started(2);
        p.functionsTranslated(1, 2);
        assertEquals(List.of("wasm-aot compile: big.wasm: translating 2 functions (0.0 s)"), lines);
    }
}
