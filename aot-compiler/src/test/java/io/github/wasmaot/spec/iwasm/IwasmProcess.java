package io.github.wasmaot.spec.iwasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running iwasm REPL: lines go to its stdin, its stdout is collected by a reader thread and
 * cut at each {@code webassembly> } prompt. stderr is collected apart (log lines, qemu errors).
 * {@link #close()} kills the process and its descendants (qemu, the {@code script} wrapper's child).
 */
final class IwasmProcess implements AutoCloseable {

    /** What came before the next prompt, or everything until the process exited. */
    sealed interface Chunk {
        String text();

        record Prompted(String text) implements Chunk {
        }

        record Exited(String text, int exitCode) implements Chunk {
        }
    }

    private final Process process;
    private final List<String> command;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private boolean outClosed;

    private IwasmProcess(Process process, List<String> command) {
        this.process = process;
        this.command = List.copyOf(command);
    }

    static IwasmProcess start(List<String> command, Path workDirectory) throws IOException {
        Process p = new ProcessBuilder(command).directory(workDirectory.toFile()).start();
        IwasmProcess iwasm = new IwasmProcess(p, command);
        iwasm.pump(p.getInputStream(), iwasm.out, true);
        iwasm.pump(p.getErrorStream(), iwasm.err, false);
        return iwasm;
    }

    List<String> command() {
        return command;
    }

    private void pump(InputStream in, StringBuilder into, boolean isStdout) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (this) {
                        into.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                        notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process was destroyed
            } finally {
                if (isStdout) {
                    synchronized (this) {
                        outClosed = true;
                        notifyAll();
                    }
                }
            }
        }, "iwasm-" + (isStdout ? "stdout" : "stderr"));
        t.setDaemon(true);
        t.start();
    }

    /** Sends one REPL line. */
    void send(String line) throws IOException {
        OutputStream stdin = process.getOutputStream();
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Waits for the next prompt (or the end of the output) and returns the text before it. */
    Chunk next(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                int at = out.indexOf(IwasmOutputParser.PROMPT);
                if (at >= 0) {
                    String text = out.substring(0, at);
                    out.delete(0, at + IwasmOutputParser.PROMPT.length());
                    return new Chunk.Prompted(text);
                }
                if (outClosed) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("no reply from iwasm within " + timeout.toSeconds() + " s");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        if (!process.waitFor(Math.max(1, timeout.toSeconds()), TimeUnit.SECONDS)) {
            throw new TimeoutException("iwasm closed its output but did not exit");
        }
        synchronized (this) {
            String text = out.toString();
            out.setLength(0);
            return new Chunk.Exited(text, process.exitValue());
        }
    }

    /** What iwasm wrote to stderr so far (for error reports). */
    synchronized String stderr() {
        return err.toString();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
