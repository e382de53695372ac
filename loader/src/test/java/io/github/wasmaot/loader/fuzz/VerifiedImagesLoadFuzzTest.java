package io.github.wasmaot.loader.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.compiler.AotCompiler;
import io.github.wasmaot.compiler.CompileOptions;
import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.Instance;
import io.github.wasmaot.loader.InstanceOptions;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasiExitException;
import io.github.wasmaot.loader.WasmTrapException;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.wasi.WasiConfig;
import io.github.wasmaot.verifier.Target;
import io.github.wasmaot.verifier.VerificationResult;
import io.github.wasmaot.verifier.Verifier;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier's promise, as a property: an image {@link Verifier#verify} accepts is one our loader opens,
 * instantiates and runs without any exception but its own typed ones ({@link LoaderException},
 * {@link WasmTrapException}, {@link WasiExitException}), or a result, or the call time bound.
 *
 * <p>Mutants of the real wamrc vectors and of a few spec modules compiled by our compiler (bit flips, byte
 * sets, u32/u64 smashes and small deltas, aimed at a random section so the small tables are hit as often as
 * the code) go through reader, verifier and, when accepted, {@link AotModule#open}, instantiation on the emulated
 * backend and a call of one export with zero arguments, each call (the start function's too) bounded by
 * {@code wasmaot.fuzz.callMillis}. The mutants are checked on {@code wasmaot.fuzz.threads} threads; which mutants
 * there are depends on the seed only. Fixed seed; a failure names the mutant's seed and image so {@link #mutant}
 * reproduces it. Knobs: {@code wasmaot.fuzz.loaderMutants} (100 000), {@code wasmaot.fuzz.emulatedEvery} (1: every
 * accepted mutant runs; n: only those whose number is a multiple of n, the rest are opened only),
 * {@code wasmaot.fuzz.seed}.
 */
class VerifiedImagesLoadFuzzTest {
    /** Fixed in CI; -Dwasmaot.fuzz.seed=N explores other mutants. */
    private static final long SEED = Long.getLong("wasmaot.fuzz.seed", 0x10ADF022L);
    private static final int MUTANTS = Integer.getInteger("wasmaot.fuzz.loaderMutants", 100_000);
    /** Every mutant whose number is a multiple of this is, when accepted, run on the emulator (else opened only). */
    private static final int EMULATED_EVERY = Integer.getInteger("wasmaot.fuzz.emulatedEvery", 1);
    /** Each emulated call's time bound: long enough for the small exports, short for the loops. */
    private static final long CALL_TIMEOUT_MILLIS = Long.getLong("wasmaot.fuzz.callMillis", 25);
    /** Worker threads: the outcome of each mutant does not depend on it (but for the time bound). */
    private static final int THREADS = Integer.getInteger("wasmaot.fuzz.threads", 2);
    private static final int IN_FLIGHT_PER_THREAD = 8;
    private static final long PER_MUTANT_MS = 20_000;
    private static final String TIMEOUT_PROPERTY = "wasmaot.emulator.callTimeoutMillis";
    private static final String[] SPEC_MODULES = {"fac/fac.0.wasm", "call_indirect/call_indirect.0.wasm",
        "global/global.0.wasm", "br_table/br_table.0.wasm", "memory_grow/memory_grow.0.wasm",
        "elem/elem.0.wasm"};
    private static final String[][] CELLS = {{"wamr-cba4c782", "x86_64"}, {"wamr-2.4", "aarch64"}};
    private static final long[] INTERESTING = {0, 1, 2, 3, 4, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000,
        0x7fffffffL, 0x80000000L, 0xfffffffeL, 0xffffffffL};

    private static String savedTimeout;

    /** An image to mutate: bytes, its profile and ISA, and where its sections are. */
    record Seed(String name, byte[] bytes, String profile, String isa, int[] bodyStart, int[] bodyEnd) {
    }

    @BeforeAll
    static void boundEachCall() {
        savedTimeout = System.getProperty(TIMEOUT_PROPERTY);
        System.setProperty(TIMEOUT_PROPERTY, Long.toString(CALL_TIMEOUT_MILLIS));
    }

    @AfterAll
    static void restore() {
        if (savedTimeout == null) {
            System.clearProperty(TIMEOUT_PROPERTY);
        } else {
            System.setProperty(TIMEOUT_PROPERTY, savedTimeout);
        }
    }

    @Test
    void acceptedMutantsOnlyEverFailWithTypedExceptions() throws Exception {
        // aarch64 is always emulated (the bundled Unicorn); x86_64 needs the system's, which CI must have
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.AARCH64);
        if (BackendKind.EMULATED.unavailableReason(Isa.X86_64) != null) {
            Backends.requireOutsideCi(BackendKind.EMULATED, Isa.X86_64);
        }
        List<Seed> seeds = seeds();
        Set<String> emulatable = new HashSet<>();
        for (Seed seed : seeds) {
            if (BackendKind.EMULATED.unavailableReason(Isa.ofArch(seed.isa()).orElseThrow()) == null) {
                emulatable.add(seed.isa());
            }
        }
        Random random = new Random(SEED);
        ExecutorService workers = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "loader-fuzz");
            t.setDaemon(true);
            return t;
        });
        int[] stats = new int[Outcome.values().length];
        long[] nanos = new long[2];
        Deque<Pending> inFlight = new ArrayDeque<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < MUTANTS; i++) {
                // the mutants and which of them run depend on the seed only, never on the thread count
                Seed seed = seeds.get(random.nextInt(seeds.size()));
                long mutationSeed = random.nextLong();
                boolean run = i % EMULATED_EVERY == 0 && emulatable.contains(seed.isa());
                inFlight.add(new Pending(i, seed, mutationSeed, workers.submit(() -> check(seed, mutationSeed, run))));
                while (inFlight.size() >= IN_FLIGHT_PER_THREAD * THREADS) {
                    collect(inFlight.poll(), stats, nanos);
                }
            }
            while (!inFlight.isEmpty()) {
                collect(inFlight.poll(), stats, nanos);
            }
        } finally {
            workers.shutdownNow();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int accepted = MUTANTS - stats[Outcome.REJECTED.ordinal()];
        System.out.printf("loader fuzz: %d mutants of %d seeds in %d ms on %d threads (%d accepted; thread time"
                + " opened only: %d ms, emulated: %d ms): %s%n", MUTANTS, seeds.size(), ms, THREADS, accepted,
                nanos[0] / 1_000_000, nanos[1] / 1_000_000, describe(stats));
        assertTrue(stats[Outcome.REJECTED.ordinal()] > 0, "the verifier should reject some mutants");
        assertTrue(stats[Outcome.RESULT.ordinal()] + stats[Outcome.TRAP.ordinal()] > 0,
                "some accepted mutants should run to a result or a trap");
    }

    /** A mutant handed to a worker: its number, image and mutation seed (to name it), and its outcome to come. */
    private record Pending(int index, Seed seed, long mutationSeed, Future<Checked> outcome) {
        String describe() {
            return "mutant " + index + ", " + seed.name() + " mutation seed " + mutationSeed + " (reproduce: mutant("
                    + "seed \"" + seed.name() + "\", " + mutationSeed + "L))";
        }
    }

    /** What one mutant came to, whether it was run on the emulator, and the thread time it took. */
    record Checked(Outcome outcome, boolean run, long nanos) {
    }

    private static void collect(Pending p, int[] stats, long[] nanos) throws InterruptedException {
        Checked c;
        try {
            c = p.outcome().get(PER_MUTANT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            p.outcome().cancel(true);
            throw new AssertionError(p.describe() + ": took over " + PER_MUTANT_MS + " ms");
        } catch (ExecutionException e) {
            throw new AssertionError(p.describe() + " was accepted by the verifier, then " + e.getCause(),
                    e.getCause());
        }
        stats[c.outcome().ordinal()]++;
        if (c.outcome() != Outcome.REJECTED) {
            nanos[c.run() ? 1 : 0] += c.nanos();
        }
    }

    /** Reader and verifier; when accepted, {@link #exercise}. */
    static Checked check(Seed seed, long mutationSeed, boolean run) {
        byte[] mutant = mutant(seed, mutationSeed);
        VerificationResult verdict = Verifier.verify(mutant, seed.name(),
                ProfileCatalog.byNameOrAlias(seed.profile()).orElseThrow(), Target.of(seed.isa()));
        if (!verdict.accepted()) {
            return new Checked(Outcome.REJECTED, false, 0);
        }
        long t0 = System.nanoTime();
        Outcome outcome = exercise(seed, mutant, run);
        return new Checked(outcome, run, System.nanoTime() - t0);
    }

    enum Outcome { REJECTED, LOADER_EXCEPTION, OPENED, RESULT, TRAP, EXIT, TIME_BOUND, INSTANTIATE_REFUSED }

    private static String describe(int[] stats) {
        StringBuilder sb = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            sb.append(o.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(stats[o.ordinal()]).append(' ');
        }
        return sb.toString().trim();
    }

    /** Open (and, when {@code run}, instantiate and call); any throwable not typed by the loader escapes. */
    static Outcome exercise(Seed seed, byte[] mutant, boolean run) {
        AotModule module;
        try {
            module = AotModule.open(mutant, seed.name(), seed.profile());
        } catch (LoaderException e) {
            return Outcome.LOADER_EXCEPTION;
        }
        if (!run) {
            return Outcome.OPENED;
        }
        WasiConfig wasi = new WasiConfig(List.of(seed.name()), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream());
        Instance instance;
        try {
            instance = module.instantiate(BackendKind.EMULATED, new InstanceOptions(OptionalLong.empty(), wasi));
        } catch (LoaderException e) {
            return e.getMessage() != null && e.getMessage().contains("before the call returned")
                    ? Outcome.TIME_BOUND : Outcome.INSTANTIATE_REFUSED;
        }
        try (instance) {
            for (String export : instance.functionExports()) {
                FunctionSignature sig;
                try {
                    sig = instance.signature(export);
                } catch (LoaderException e) {
                    continue;
                }
                List<WasmValue> args = new ArrayList<>();
                for (ValueType t : sig.params()) {
                    args.add(WasmValue.fromBits(t, 0));
                }
                try {
                    instance.call(export, args);
                    return Outcome.RESULT;
                } catch (LoaderException e) {
                    return e.getMessage() != null && e.getMessage().contains("before the call returned")
                            ? Outcome.TIME_BOUND : Outcome.LOADER_EXCEPTION;
                } catch (WasmTrapException e) {
                    return Outcome.TRAP;
                } catch (WasiExitException e) {
                    return Outcome.EXIT;
                }
            }
            return Outcome.OPENED;
        }
    }

    /** The mutant {@code mutationSeed} makes of {@code seed} (deterministic). */
    static byte[] mutant(Seed seed, long mutationSeed) {
        Random r = new Random(mutationSeed);
        byte[] b = seed.bytes().clone();
        int rounds = 1 + r.nextInt(2);
        for (int k = 0; k < rounds; k++) {
            int s = r.nextInt(seed.bodyStart().length);
            int from = seed.bodyStart()[s];
            int to = seed.bodyEnd()[s];
            if (to <= from) {
                continue;
            }
            int at = from + r.nextInt(to - from);
            switch (r.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
                case 2 -> b[at] = (byte) r.nextInt(256);
                case 3 -> put(b, at & ~3, 4, INTERESTING[r.nextInt(INTERESTING.length)]);
                case 4 -> put(b, at & ~3, 4, get(b, at & ~3, 4) + r.nextInt(17) - 8);
                default -> put(b, at & ~7, 8, get(b, at & ~7, 8) + (r.nextBoolean() ? 1L : -1L) * (1 + r.nextInt(64)));
            }
        }
        return b;
    }

    private static long get(byte[] b, int at, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = v << 8 | (at + i < b.length && at + i >= 0 ? b[at + i] & 0xffL : 0);
        }
        return v;
    }

    private static void put(byte[] b, int at, int width, long v) {
        for (int i = 0; i < width; i++) {
            if (at + i >= 0 && at + i < b.length) {
                b[at + i] = (byte) (v >>> (8 * i));
            }
        }
    }

    static List<Seed> seeds() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        for (AotVectors.Entry v : AotVectors.all()) {
            seeds.add(seed(v.file(), v.bytes(), v.profile(), v.isa()));
        }
        Path spec = AotVectors.sharedDir().resolve("spec-tests");
        for (String module : SPEC_MODULES) {
            Path wasm = spec.resolve(module);
            if (!Files.isRegularFile(wasm)) {
                continue;
            }
            for (String[] cell : CELLS) {
                byte[] image = AotCompiler.compile(Files.readAllBytes(wasm), wasm.getFileName().toString(),
                        CompileOptions.of(cell[0], cell[1]));
                seeds.add(seed(module + "." + cell[0] + "." + cell[1], image, cell[0], cell[1]));
            }
        }
        return seeds;
    }

    static Seed seed(String name, byte[] bytes, String profile, String isa) throws AotFormatException {
        RuntimeProfile p = ProfileCatalog.byNameOrAlias(profile).orElseThrow();
        AotImage image = AotReader.read(bytes, name, p);
        VerificationResult unchanged = Verifier.verify(bytes, name, p, Target.of(isa));
        assertTrue(unchanged.accepted(), () -> "seed " + name + " itself is refused: " + unchanged.errors());
        List<PlacedSection> sections = image.sections();
        int[] from = new int[sections.size()];
        int[] to = new int[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            from[i] = sections.get(i).bodyOffset();
            to[i] = Math.min(bytes.length, from[i] + (int) sections.get(i).size());
        }
        return new Seed(name, bytes, p.name(), isa, from, to);
    }

    static Optional<Seed> seedNamed(String name) throws Exception {
        return seeds().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
