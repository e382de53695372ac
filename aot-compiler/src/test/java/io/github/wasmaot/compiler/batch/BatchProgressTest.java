package io.github.wasmaot.compiler.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.compiler.CompileProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-image progress listeners a batch compile hands out: events in order, closed after each compile. */
class BatchProgressTest {
    private static final Path FIB = Path.of(System.getProperty("wasmaot.repo.dir", ".."), "examples", "fib.wasm");

    @TempDir
    Path dir;

    @Test
    void eachCompiledImageGetsItsListenerEventsInOrderAndIsClosed() throws Exception {
        Path source = Files.copy(FIB, Files.createDirectories(dir.resolve("src")).resolve("fib.wasm"));
        Path out = dir.resolve("out");
        List<MatrixCell> matrix = MatrixCell.product(List.of("legacy"), List.of("x86_64", "aarch64"));
        // one thread: the cells compile one after the other, so their events do not interleave
        BatchRequest request = new BatchRequest(List.of(source), matrix, CompileOptions.of("x", "y").withThreads(1),
                out, "t 1");
        List<String> events = new ArrayList<>();
        BatchCompiler.compile(request, r -> events.add("result " + r.cell()), (src, cell) -> new CompileProgress() {
            @Override
            public void started(int functions) {
                events.add(cell + " started " + src.getFileName());
            }

            @Override
            public void functionsTranslated(int done, int total) {
                events.add(cell + " translated " + done + "/" + total);
            }

            @Override
            public void emittingObject() {
                events.add(cell + " emitting");
            }

            @Override
            public void objectEmitted(int bytes) {
                events.add(cell + " emitted");
            }

            @Override
            public void imageWritten(Path image, int bytes) {
                events.add(cell + " written " + out.relativize(image) + " " + (bytes == image.toFile().length()));
            }

            @Override
            public void close() {
                events.add(cell + " closed");
            }
        });
        List<String> expected = new ArrayList<>();
        for (MatrixCell cell : matrix) {
            // examples/fib.wasm defines one function
            expected.addAll(List.of(cell + " started fib.wasm", cell + " translated 1/1", cell + " emitting",
                    cell + " emitted", cell + " written wamr-cba4c782/" + cell.isa() + "/fib.aot true",
                    cell + " closed", "result " + cell));
        }
        assertEquals(expected, events);
        // up to date the second time: no compile, no listener
        events.clear();
        BatchCompiler.compile(request, r -> events.add("result " + r.cell()), (src, cell) -> {
            throw new AssertionError("no listener for an image that is up to date");
        });
        assertEquals(List.of("result " + matrix.get(0), "result " + matrix.get(1)), events);
    }

    @Test
    void parallelCellsKeepEachListenerInOrderResultsInBatchOrderAndTheSameBytes() throws Exception {
        Path source = Files.copy(FIB, Files.createDirectories(dir.resolve("src")).resolve("fib.wasm"));
        List<MatrixCell> matrix = MatrixCell.product(List.of("legacy", "current"), List.of("x86_64", "aarch64"));
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        Path serial = dir.resolve("serial");
        Path parallel = dir.resolve("parallel");
        BatchCompiler.compile(new BatchRequest(List.of(source), matrix, CompileOptions.of("x", "y").withThreads(1),
                serial, "t 1"), r -> { });
        BatchCompiler.compile(new BatchRequest(List.of(source), matrix, CompileOptions.of("x", "y").withThreads(4),
                parallel, "t 1"), r -> results.add(r.cell().toString()), (src, cell) -> new CompileProgress() {
                    @Override
                    public void started(int functions) {
                        events.add(cell + " started");
                    }

                    @Override
                    public void objectEmitted(int bytes) {
                        events.add(cell + " emitted");
                    }

                    @Override
                    public void close() {
                        events.add(cell + " closed");
                    }
                });
        assertEquals(matrix.stream().map(MatrixCell::toString).toList(), results);
        for (MatrixCell cell : matrix) {
            assertEquals(List.of(cell + " started", cell + " emitted", cell + " closed"),
                    events.stream().filter(e -> e.startsWith(cell + " ")).toList());
        }
        try (var images = Files.walk(serial)) {
            List<Path> aots = images.filter(p -> p.toString().endsWith(".aot")).toList();
            assertEquals(matrix.size(), aots.size());
            for (Path image : aots) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(image),
                        Files.readAllBytes(parallel.resolve(serial.relativize(image))), image.toString());
            }
        }
    }
}
