package io.github.wasmaot.loader.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.AotWriter;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Instance;
import io.github.wasmaot.loader.InstanceOptions;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.WasmValue;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Throughput over the real vectors: the AOT reader, the verifier, the writer round trip, and the loader's call
 * rate for {@code add}. Each figure is the median of {@link #RUNS} timed runs after a warm-up.
 *
 * <p>The loader module does not depend on the verifier, so the verifier is reached by reflection when
 * {@code bench/run} puts its jar on the test classpath ({@code -Dmaven.test.additionalClasspath}); without it
 * that row says so instead of failing.
 */
@Tag("bench")
class ThroughputBenchTest {
    private static final int RUNS = 7;
    private static final String FORMAT = "30-format";
    private static final String FORMAT_TITLE = "Reader, verifier and writer over every vector image";
    private static final List<String> FORMAT_HEADER = List.of("operation", "images", "MB per pass",
            "passes per run", "images/s (median)", "MB/s (median)", "min–max images/s", "result");
    private static final String CALLS = "40-calls";
    private static final String CALLS_TITLE = "Loader call rate: `add(i32, i32)` on one instance";
    private static final List<String> CALLS_HEADER = List.of("image", "backend", "calls per run",
            "calls/s (median)", "µs/call (median)", "min–max calls/s");

    private record Image(String file, byte[] bytes, RuntimeProfile profile) {
    }

    private static List<Image> images() {
        List<Image> out = new ArrayList<>();
        for (AotVectors.Entry e : AotVectors.all()) {
            out.add(new Image(e.file(), e.bytes(), ProfileCatalog.byNameOrAlias(e.profile()).orElseThrow()));
        }
        return out;
    }

    private static long totalBytes(List<Image> images) {
        return images.stream().mapToLong(i -> i.bytes().length).sum();
    }

    /** Something each pass does to every image; returns a checksum-ish count so the work cannot be elided. */
    private interface Pass {
        long run(Image image) throws Exception;
    }

    /** Median-of-runs rates in images/s: [median, min, max]. */
    private static double[] measure(List<Image> images, int passes, Pass pass) throws Exception {
        long sink = 0;
        for (int w = 0; w < Math.max(1, passes / 2); w++) { // warm-up
            for (Image im : images) {
                sink += pass.run(im);
            }
        }
        double[] rates = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long t0 = System.nanoTime();
            for (int p = 0; p < passes; p++) {
                for (Image im : images) {
                    sink += pass.run(im);
                }
            }
            rates[r] = (double) passes * images.size() / ((System.nanoTime() - t0) / 1e9);
        }
        if (sink == 42) {
            System.out.println("(sink)");
        }
        return new double[] {Bench.median(rates), Arrays.stream(rates).min().orElse(0),
            Arrays.stream(rates).max().orElse(0)};
    }

    private static void formatRow(String op, List<Image> images, int passes, double[] rate, String result) {
        double mbPerPass = totalBytes(images) / 1e6;
        double mbPerImage = mbPerPass / images.size();
        Bench.row(FORMAT, FORMAT_TITLE, FORMAT_HEADER, op, images.size(), Bench.f2(mbPerPass), passes,
                Bench.f0(rate[0]), Bench.f1(rate[0] * mbPerImage),
                Bench.f0(rate[1]) + "–" + Bench.f0(rate[2]), result);
    }

    @Test
    void readerVerifierAndWriter() throws Exception {
        List<Image> images = images();
        int passes = Bench.scaled(50);

        double[] read = measure(images, passes, im -> AotReader.read(im.bytes(), im.file()).sections().size());
        formatRow("`AotReader.read` (profile detected from header)", images, passes, read, "all read");

        double[] strict = measure(images, passes,
                im -> AotReader.read(im.bytes(), im.file(), im.profile()).sections().size());
        formatRow("`AotReader.read` (manifest profile)", images, passes, strict, "all read");

        Map<Image, AotImage> decoded = new IdentityHashMap<>();
        int identical = 0;
        for (Image im : images) {
            AotImage image = AotReader.read(im.bytes(), im.file());
            decoded.put(im, image);
            identical += Arrays.equals(im.bytes(), AotWriter.write(image)) ? 1 : 0;
        }
        double[] write = measure(images, passes, im -> AotWriter.write(decoded.get(im)).length);
        formatRow("`AotWriter.write` (decoded image → bytes)", images, passes, write,
                identical + "/" + images.size() + " byte-identical");
        double[] roundTrip = measure(images, passes,
                im -> AotWriter.write(AotReader.read(im.bytes(), im.file())).length);
        formatRow("read + write round trip", images, passes, roundTrip,
                identical + "/" + images.size() + " byte-identical");

        Method verify = verifierMethod();
        if (verify == null) {
            Bench.row(FORMAT, FORMAT_TITLE, FORMAT_HEADER, "`Verifier.verify`", images.size(), "–", "–", "–",
                    "–", "–", "not measured: verifier jar not on the test classpath");
        } else {
            Method accepted = verify.getReturnType().getMethod("accepted");
            int ok = 0;
            for (Image im : images) {
                ok += (Boolean) accepted.invoke(verify.invoke(null, im.bytes(), im.file(), im.profile(), null)) ? 1 : 0;
            }
            double[] ver = measure(images, passes,
                    im -> verify.invoke(null, im.bytes(), im.file(), im.profile(), null).hashCode());
            formatRow("`Verifier.verify` (manifest profile, image's own ISA)", images, passes, ver,
                    ok + "/" + images.size() + " accepted");
        }
        Bench.note(FORMAT, images.size() + " images, " + Bench.f2(totalBytes(images) / 1e6) + " MB in all ("
                + totalBytes(images) / images.size() + " bytes on average); MB = 10^6 bytes; each run is "
                + passes + " passes over all images, median of " + RUNS + " runs after " + Math.max(1, passes / 2)
                + " warm-up passes. The verifier includes a full read of the image.");
    }

    private static Method verifierMethod() {
        try {
            Class<?> verifier = Class.forName("io.github.wasmaot.verifier.Verifier");
            Class<?> target = Class.forName("io.github.wasmaot.verifier.Target");
            return verifier.getMethod("verify", byte[].class, String.class, RuntimeProfile.class, target);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "add.wamr-2.4.x86_64.aot, NATIVE",
        "add.wamr-2.4.x86_64.aot, EMULATED",
        "add.wamr-2.4.aarch64.aot, EMULATED",
        "add.wamr-cba4c782.x86_64.aot, NATIVE",
    })
    void addCallRate(String file, BackendKind kind) throws Exception {
        AotVectors.Entry entry = AotVectors.byFile(file);
        String why = kind.unavailableReason(Isa.ofArch(entry.isa()).orElseThrow());
        Assumptions.assumeTrue(why == null, why);
        int calls = Bench.scaled(kind == BackendKind.NATIVE ? 200_000 : 5_000);
        AotModule module = AotModule.open(entry.bytes(), file);
        try (Instance instance = module.instantiate(kind, InstanceOptions.defaults())) {
            List<WasmValue> args = List.of(WasmValue.i32(2), WasmValue.i32(3));
            assertEquals(List.of(WasmValue.i32(5)), instance.call("add", args));
            long sink = 0;
            for (int i = 0; i < calls; i++) { // warm-up
                sink += ((WasmValue.I32) instance.call("add", args).get(0)).value();
            }
            double[] rates = new double[RUNS];
            for (int r = 0; r < RUNS; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    sink += ((WasmValue.I32) instance.call("add", args).get(0)).value();
                }
                rates[r] = calls / ((System.nanoTime() - t0) / 1e9);
            }
            assertEquals(5L * calls * (RUNS + 1), sink);
            double median = Bench.median(rates);
            Bench.noteOnce(CALLS, "Method: one instance per row; `instance.call(\"add\", [i32 2, i32 3])` through the"
                    + " public API (export lookup, signature check, backend call, exception-buffer check); one warm-up"
                    + " run, then " + RUNS + " timed runs; median and spread over the runs.");
            Bench.row(CALLS, CALLS_TITLE, CALLS_HEADER, "`" + file + "`", kind, calls, Bench.f0(median),
                    Bench.f2(1e6 / median), Bench.f0(Arrays.stream(rates).min().orElse(0)) + "–"
                            + Bench.f0(Arrays.stream(rates).max().orElse(0)));
        }
    }
}
