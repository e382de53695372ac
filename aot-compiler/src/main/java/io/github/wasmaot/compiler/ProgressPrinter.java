package io.github.wasmaot.compiler;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns {@link CompileProgress} events into lines such as {@code fib.wasm: functions translated 500/2000 (3.1 s)}
 * for a human: nothing until the compile has run {@code quietMillis} (2 s for the CLI; 0 on a terminal), then at
 * most one line per {@code intervalMillis}, and only when something changed. A daemon ticker prints the current
 * step even while the compiler is inside one long call (LLVM's emission); {@link #close()} stops it.
 */
public final class ProgressPrinter implements CompileProgress, AutoCloseable {
    private final Consumer<String> sink;
    private final String label;
    private final long quietMillis;
    private final long intervalMillis;
    private final LongSupplier clock;
    private final long start;
    private final ScheduledExecutorService ticker;
    private String current;
    private String printed;
    private long printedAt = Long.MIN_VALUE / 2;

    /**
     * A printer driven by its own clock ({@link System#nanoTime()}) and a ticker thread every 250 ms.
     *
     * @param label prefix of every line, e.g. {@code wasm-aot compile: fib.wasm}
     */
    public static ProgressPrinter start(Consumer<String> sink, String label, long quietMillis, long intervalMillis) {
        ProgressPrinter p = new ProgressPrinter(sink, label, quietMillis, intervalMillis,
                () -> System.nanoTime() / 1_000_000, true);
        return p;
    }

    /** For tests: no ticker; call {@link #tick()} to stand for it. */
    ProgressPrinter(Consumer<String> sink, String label, long quietMillis, long intervalMillis, LongSupplier clock,
                    boolean withTicker) {
        this.sink = sink;
        this.label = label;
        this.quietMillis = quietMillis;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.current = "decoding and validating";
        if (withTicker) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wasm-aot-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    @Override
    public void started(int functions) {
        update("translating " + functions + (functions == 1 ? " function" : " functions"), false);
    }

    @Override
    public void functionsTranslated(int done, int total) {
        update("functions translated " + done + "/" + total, false);
    }

    @Override
    public void emittingObject() {
        update("optimising and emitting the object", false);
    }

    @Override
    public void objectEmitted(int bytes) {
        update("object emitted (" + bytes + " bytes); building and verifying the image", true);
    }

    @Override
    public void imageWritten(Path image, int bytes) {
        update("image written to " + image + " (" + bytes + " bytes)", true);
    }

    /** Printed at once, with no quiet period or rate limit: a warning is not progress. */
    @Override
    public synchronized void warning(String message) {
        sink.accept(label + ": warning: " + message);
    }

    /** What the ticker does: print the current step if it is time. */
    synchronized void tick() {
        maybePrint(false);
    }

    private synchronized void update(String step, boolean milestone) {
        current = step;
        maybePrint(milestone);
    }

    /** Milestones (object emitted, image written) skip the rate limit but not the quiet period. */
    private void maybePrint(boolean milestone) {
        long now = clock.getAsLong();
        if (current == null || current.equals(printed) || now - start < quietMillis) {
            return;
        }
        if (!milestone && now - printedAt < intervalMillis) {
            return;
        }
        printed = current;
        printedAt = now;
        sink.accept(label + ": " + current + String.format(Locale.ROOT, " (%.1f s)", (now - start) / 1000.0));
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
