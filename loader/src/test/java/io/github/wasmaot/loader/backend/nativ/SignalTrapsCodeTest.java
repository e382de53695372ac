package io.github.wasmaot.loader.backend.nativ;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine code in {@link SignalTraps} is what its source, loader/src/main/asm/signal-traps-x86_64.S, assembles to. */
class SignalTrapsCodeTest {
    @TempDir
    Path dir;

    private String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort(command.get(0) + " not installed: " + e.getMessage());
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void theEmbeddedBytesAreTheAssembledSource() throws Exception {
        Path source = Path.of("src/main/asm/signal-traps-x86_64.S").toAbsolutePath();
        run(List.of("clang", "--target=x86_64-linux-gnu", "-c", "-o", "t.o", source.toString()));
        run(List.of("objcopy", "-O", "binary", "-j", ".text", "t.o", "t.bin"));
        String assembled = HexFormat.of().formatHex(Files.readAllBytes(dir.resolve("t.bin")));
        assertEquals(assembled, SignalTraps.CODE_HEX);
        String symbols = run(List.of("nm", "t.o"));
        long handler = symbols.lines().filter(l -> l.endsWith(" handler")).mapToLong(
                l -> Long.parseLong(l.substring(0, l.indexOf(' ')), 16)).findFirst().orElseThrow();
        assertEquals(handler, SignalTraps.HANDLER_OFFSET);
        long thunk = symbols.lines().filter(l -> l.endsWith(" host_thunk")).mapToLong(
                l -> Long.parseLong(l.substring(0, l.indexOf(' ')), 16)).findFirst().orElseThrow();
        assertEquals(thunk, SignalTraps.HOST_THUNK_OFFSET);
    }

    @Test
    void freedTextSlotsAreReused() {
        SignalTraps traps = SignalTraps.get();
        Assumptions.assumeTrue(traps != null, SignalTraps::unavailableReason);
        int a = traps.addText(0x1000, 0x2000);
        int b = traps.addText(0x3000, 0x4000);
        int c = traps.addText(0x5000, 0x6000);
        traps.removeText(b);
        assertEquals(b, traps.addText(0x7000, 0x8000));
        traps.removeText(a);
        traps.removeText(b);
        traps.removeText(c);
    }
}
