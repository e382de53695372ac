package io.github.wasmaot.compiler.batch;

import io.github.wasmaot.bundle.Bundler;
import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.compiler.Parallel;
import io.github.wasmaot.compiler.CompileProgress;
import io.github.wasmaot.format.io.AtomicOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Compiles many modules for a matrix of runtimes and ISAs, incrementally: the library behind the Maven plugin's
 * {@code compile} goal, callable the same way from build scripts.
 *
 * <p>Each image {@code <root>/<profile>/<isa>/<name>.aot} gets a {@link CompileStamp} beside it. An image whose
 * stamp records the same source bytes, canonical options and compiler, and whose bytes still hash to the recorded
 * value, is skipped. Images and stamps are written atomically; an image that fails to compile leaves what was there
 * untouched. One failure does not stop the others.
 */
public final class BatchCompiler {
    private static final String WASM_SUFFIX = ".wasm";

    private BatchCompiler() {
    }

    /** Compiles the batch without progress reporting. */
    public static BatchResult compile(BatchRequest request) throws BatchCompileException {
        return compile(request, r -> { });
    }

    /**
     * Compiles the batch, telling {@code progress} about each (module, cell) as soon as it is done.
     *
     * @throws BatchCompileException when a source cannot be read or two sources would write the same image
     */
    public static BatchResult compile(BatchRequest request, Consumer<ModuleResult> progress)
            throws BatchCompileException {
        return compile(request, progress, (source, cell) -> CompileProgress.NONE);
    }

    /**
     * As {@link #compile(BatchRequest, Consumer)}, and {@code compileProgress} gives, per (source, cell) that is
     * compiled (not up to date), the listener that follows that compile ({@link ProgressPrinter} for a log).
     */
    public static BatchResult compile(BatchRequest request, Consumer<ModuleResult> progress,
                                      BiFunction<Path, MatrixCell, CompileProgress> compileProgress)
            throws BatchCompileException {
        Map<Path, byte[]> sources = readSources(request.sources());
        List<Map.Entry<Path, MatrixCell>> jobs = new ArrayList<>();
        for (Path source : sources.keySet()) {
            for (MatrixCell cell : request.matrix()) {
                jobs.add(Map.entry(source, cell));
            }
        }
        // the (module, cell) compiles share the threads: each gets an equal part, at least one (the bytes of an
        // image do not depend on how many threads compile it)
        int threads = request.options().effectiveThreads();
        int parallel = Math.max(1, Math.min(threads, jobs.size()));
        BatchRequest each = request.withOptions(request.options().withThreads(Math.max(1, threads / parallel)));
        InOrder reporter = new InOrder(jobs.size(), progress);
        List<Integer> indexes = java.util.stream.IntStream.range(0, jobs.size()).boxed().toList();
        List<ModuleResult> results = Parallel.map(indexes, parallel, i -> {
            Map.Entry<Path, MatrixCell> job = jobs.get(i);
            ModuleResult r = one(each, job.getKey(), sources.get(job.getKey()), job.getValue(), compileProgress);
            reporter.done(i, r);
            return r;
        });
        return new BatchResult(results);
    }

    /** Where {@code source} compiled for a resolved target goes: {@code <root>/<profile>/<isa>/<name>.aot}. */
    public static Path imagePath(Path outputRoot, Path source, CodegenTarget target) {
        return outputRoot.resolve(target.profile().name()).resolve(target.isa()).resolve(moduleName(source) + ".aot");
    }

    /** The module name of a source: its file name without {@code .wasm}. */
    public static String moduleName(Path source) {
        String f = source.getFileName().toString();
        return f.endsWith(WASM_SUFFIX) ? f.substring(0, f.length() - WASM_SUFFIX.length()) : f;
    }

    /** Canonical options of a resolved target, as recorded in stamps and manifests. */
    public static List<String> canonicalOptions(CodegenTarget t) {
        return List.of("--runtime=" + t.profile().name(), "--target=" + t.isa(), "--opt-level=" + t.optLevel(),
                "--bounds-checks=" + (t.boundsChecks() ? 1 : 0), "--cpu=" + t.cpu(),
                "--cpu-features=" + t.cpuFeatures(), "--size-level=" + t.sizeLevel(),
                "--stack-bounds-checks=" + (t.stackBoundsChecks() ? 1 : 0));
    }

    private static ModuleResult one(BatchRequest request, Path source, byte[] wasm, MatrixCell cell,
                                    BiFunction<Path, MatrixCell, CompileProgress> compileProgress) {
        CompileOptions options = request.optionsFor(cell);
        CodegenTarget target;
        try {
            target = CodegenTarget.resolve(options);
        } catch (CompileException e) {
            Path where = request.outputRoot().resolve(cell.runtime()).resolve(cell.isa())
                    .resolve(moduleName(source) + ".aot");
            return new ModuleResult.Failed(source, cell, where, e.getMessage());
        }
        Path image = imagePath(request.outputRoot(), source, target);
        List<String> canonical = canonicalOptions(target);
        String sourceSha = Bundler.sha256(wasm);
        String reason = staleReason(CompileStamp.readFor(image), source, sourceSha, request.compilerVersion(),
                canonical, image);
        if (reason == null) {
            return new ModuleResult.UpToDate(source, cell, image, canonical);
        }
        long start = System.nanoTime();
        try (CompileProgress listener = compileProgress.apply(source, cell)) {
            byte[] bytes = AotCompiler.compile(wasm, source.getFileName().toString(), options, listener);
            AtomicOutput.write(image, bytes, source);
            listener.imageWritten(image, bytes.length);
            new CompileStamp(source, sourceSha, request.compilerVersion(), canonical, Bundler.sha256(bytes))
                    .writeFor(image);
        } catch (CompileException e) {
            return new ModuleResult.Failed(source, cell, image, e.getMessage());
        } catch (AtomicOutput.RefusedOutputException e) {
            return new ModuleResult.Failed(source, cell, image, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return new ModuleResult.Failed(source, cell, image, "cannot write " + image + ": " + e.getMessage());
        }
        return new ModuleResult.Compiled(source, cell, image, canonical, reason,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Null when the image is up to date, else why it is compiled. */
    private static String staleReason(Optional<CompileStamp> old, Path source, String sourceSha, String compiler,
                                      List<String> options, Path image) {
        if (!Files.isRegularFile(image)) {
            return "no image yet";
        }
        if (old.isEmpty()) {
            return "no stamp";
        }
        CompileStamp s = old.get();
        if (!s.source().toAbsolutePath().normalize().equals(source.toAbsolutePath().normalize())) {
            return "other source, was " + s.source();
        }
        if (!s.sourceSha256().equals(sourceSha)) {
            return "source changed";
        }
        if (!s.compiler().equals(compiler)) {
            return "compiler changed, was " + s.compiler();
        }
        if (!s.options().equals(options)) {
            return "options changed, were " + String.join(" ", s.options());
        }
        try {
            if (!Bundler.sha256(Files.readAllBytes(image)).equals(s.imageSha256())) {
                return "image modified since it was written";
            }
        } catch (IOException e) {
            return "image unreadable";
        }
        return null;
    }

    private static Map<Path, byte[]> readSources(List<Path> sources) throws BatchCompileException {
        Map<Path, byte[]> read = new java.util.LinkedHashMap<>();
        Map<String, Path> byName = new HashMap<>();
        for (Path s : sources) {
            Path prior = byName.putIfAbsent(moduleName(s), s);
            if (prior != null && !prior.toAbsolutePath().normalize().equals(s.toAbsolutePath().normalize())) {
                throw new BatchCompileException(s + " and " + prior + " would both be compiled to "
                        + moduleName(s) + ".aot; rename one or exclude it");
            }
            try {
                read.put(s, Files.readAllBytes(s));
            } catch (IOException e) {
                throw new BatchCompileException("cannot read " + s + ": " + e, e);
            }
        }
        return read;
    }

    /** Hands results to the progress consumer in batch order, each as soon as all before it are done. */
    private static final class InOrder {
        private final ModuleResult[] results;
        private final Consumer<ModuleResult> progress;
        private int next;

        InOrder(int size, Consumer<ModuleResult> progress) {
            this.results = new ModuleResult[size];
            this.progress = progress;
        }

        synchronized void done(int index, ModuleResult result) {
            results[index] = result;
            while (next < results.length && results[next] != null) {
                progress.accept(results[next]);
                results[next++] = null;
            }
        }
    }
}
