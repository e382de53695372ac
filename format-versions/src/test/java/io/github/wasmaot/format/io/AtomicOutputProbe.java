package io.github.wasmaot.format.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Run in a child JVM by {@link AtomicOutputTest}: {@code write TARGET} writes it; {@code hold TARGET} begins and waits. */
public final class AtomicOutputProbe {
    private AtomicOutputProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[1]);
        if (args[0].equals("write")) {
            AtomicOutput.write(target, "probe".getBytes(StandardCharsets.UTF_8));
            return;
        }
        AtomicOutput output = AtomicOutput.begin(target, List.of());
        java.nio.file.Files.write(output.temp(), new byte[1 << 20]);
        System.out.println(output.temp());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
