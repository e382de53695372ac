package io.github.wasmaot.verifier;

import io.github.wasmaot.format.testing.AotVectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.AotWriter;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.summary.ImageSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing over the real vectors: bit flips, byte sets, truncations, insertions and u32 smashes at
 * section headers and inside bodies. Every mutant goes through the reader (auto-detecting and strict) and
 * the verifier (own and other profile); the only acceptable failure is {@link AotFormatException} from the
 * reader, and the verifier must never report an internal error. Fixed seed; per-image time bound.
 */
class MutationFuzzTest {
    private static final long SEED = 0x5EED_A07L;
    private static final int IMAGES = Integer.getInteger("wasmaot.fuzz.images", 100_000);
    private static final long PER_IMAGE_MS = 2_000;
    private static final long[] INTERESTING = {0, 1, 2, 3, 4, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000,
            0x7fffffffL, 0x80000000L, 0xfffffffeL, 0xffffffffL};

    private record Seed(AotVectors.Entry entry, byte[] bytes, int[] headers, RuntimeProfile own, RuntimeProfile other,
                        Target target) {
    }

    @Test
    void mutatedImagesNeverEscapeTheProjectErrorType() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        for (AotVectors.Entry v : AotVectors.all()) {
            byte[] bytes = v.bytes();
            AotImage image = AotReader.read(bytes, v.file());
            int[] headers = image.sections().stream().mapToInt(PlacedSection::headerOffset).toArray();
            seeds.add(new Seed(v, bytes, headers, TestProfiles.withFacts(v.profile()),
                    TestProfiles.withFacts(TestProfiles.other(v.profile())), Target.of(v.isa())));
        }
        Random random = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        int[] stats = new int[3];
        try {
            for (int i = 0; i < IMAGES; i++) {
                Seed seed = seeds.get(random.nextInt(seeds.size()));
                long mutationSeed = random.nextLong();
                byte[] mutant = mutate(seed, new Random(mutationSeed));
                int iteration = i;
                Future<Integer> f = worker.submit(() -> exercise(seed, mutant));
                try {
                    stats[f.get(PER_IMAGE_MS, TimeUnit.MILLISECONDS)]++;
                } catch (TimeoutException e) {
                    f.cancel(true);
                    fail("image " + iteration + " (" + seed.entry().file() + ", mutation seed " + mutationSeed
                            + ") took over " + PER_IMAGE_MS + " ms");
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError("image " + iteration + " (" + seed.entry().file()
                            + ", mutation seed " + mutationSeed + "): " + e.getCause(), e.getCause());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("fuzz: %d images in %d ms (%d rejected by the reader, %d read, %d round-tripped)%n",
                IMAGES, ms, stats[0], stats[1] + stats[2], stats[2]);
        assertTrue(stats[0] > 0 && stats[1] + stats[2] > 0, "mutations should produce both outcomes");
    }

    /** @return 0 reader rejected, 1 read, 2 read and re-read identically after writing */
    private static int exercise(Seed seed, byte[] mutant) {
        String name = seed.entry().file() + "~mutant";
        int outcome;
        try {
            AotImage image = AotReader.read(mutant, name);
            ImageSummary.of(image, mutant.length);
            byte[] written = AotWriter.write(image);
            AotImage again = AotReader.read(written, name, image.profile());
            assertArrayEquals(written, AotWriter.write(again), "write(read(write(x))) is stable");
            outcome = Arrays.equals(written, mutant) ? 2 : 1;
        } catch (AotFormatException expected) {
            outcome = 0;
        }
        try {
            AotReader.read(mutant, name, seed.other());
        } catch (AotFormatException expected) {
            // the other profile's reader rejecting is fine
        }
        for (RuntimeProfile p : List.of(seed.own(), seed.other())) {
            for (Target t : Arrays.asList(seed.target(), null)) {
                VerificationResult r = Verifier.verify(mutant, name, p, t);
                if (r.has(FindingCode.INTERNAL)) {
                    throw new AssertionError("verifier internal error: " + r.first(FindingCode.INTERNAL));
                }
            }
        }
        return outcome;
    }

    private static byte[] mutate(Seed seed, Random r) {
        byte[] b = seed.bytes().clone();
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            if (b.length == 0) {
                return b;
            }
            switch (r.nextInt(7)) {
                case 0 -> {
                    for (int n = 1 + r.nextInt(8); n > 0; n--) {
                        int at = r.nextInt(b.length);
                        b[at] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> b[r.nextInt(b.length)] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
                case 2 -> b = Arrays.copyOf(b, r.nextInt(b.length));
                case 3 -> {
                    int at = r.nextInt(b.length + 1);
                    byte[] ins = new byte[1 + r.nextInt(16)];
                    r.nextBytes(ins);
                    byte[] out = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(ins, 0, out, at, ins.length);
                    System.arraycopy(b, at, out, at + ins.length, b.length - at);
                    b = out;
                }
                case 4 -> {
                    // section header: id or size field
                    int header = seed.headers()[r.nextInt(seed.headers().length)] + (r.nextBoolean() ? 0 : 4);
                    smash(b, header, r);
                }
                case 5 -> {
                    // a u32 near the start of a section body, where the counts live
                    int body = seed.headers()[r.nextInt(seed.headers().length)] + 8;
                    smash(b, body + 4 * r.nextInt(16), r);
                }
                default -> smash(b, r.nextInt(Math.max(1, b.length)) & ~3, r);
            }
        }
        return b;
    }

    private static void smash(byte[] b, int at, Random r) {
        if (at < 0 || at + 4 > b.length) {
            return;
        }
        long old = (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16
                | (b[at + 3] & 0xffL) << 24;
        long v = switch (r.nextInt(4)) {
            case 0 -> INTERESTING[r.nextInt(INTERESTING.length)];
            case 1 -> old + (r.nextInt(9) - 4);
            case 2 -> old * 2 + 1;
            default -> r.nextInt() & 0xffffffffL;
        };
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
