package io.github.wasmaot.maven;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.io.AtomicOutput;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.sizing.PoolSizingFacts;
import io.github.wasmaot.sizing.PoolSizeCalculator;
import io.github.wasmaot.sizing.PoolSizeEstimate;
import io.github.wasmaot.verifier.report.ImageCheck;
import io.github.wasmaot.verifier.report.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verify goal's pool-size part: for every accepted image whose runtime profile has a sizing model, the
 * {@code Alloc_With_Pool} heap_size it needs ({@link PoolSizeCalculator}), written to {@code pool-size-report.json}
 * beside the verify report, and the images that do not fit a given pool.
 */
final class PoolSizeReport {
    /**
     * One image's estimate, the pages its run grows memory by, the pool that run needs with the growth
     * ({@link PoolSizeCalculator#runGrowingBy}; {@code estimate.run()} when it grows none), and whether it fits.
     */
    record Entry(PoolSizeEstimate estimate, long growPages, long needed, Long poolSize, boolean fits) {
        String line() {
            PoolSizeEstimate e = estimate;
            return String.format(Locale.ROOT, "pool %s on %s/%s (%s): load %,d, instantiate %,d, run %,d bytes; "
                            + "+%,d per grown page%s%s", e.file(), e.profile(), e.isa(), e.configuration(), e.load(),
                    e.instantiate(), e.run(), e.perGrownPage(),
                    growPages > 0 ? String.format(Locale.ROOT, "; run growing %,d pages %,d bytes", growPages, needed)
                            : "",
                    fits ? "" : " -- " + PoolSizeCalculator.doesNotFit(e, needed, poolSize));
        }
    }

    private PoolSizeReport() {
    }

    static List<Entry> of(VerifyReport report, PoolSizeCalculator.Options options, long growPages, Long poolSize)
            throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (ImageCheck check : report.checks()) {
            if (!check.result().accepted()) {
                continue;
            }
            Optional<RuntimeProfile> profile = ProfileCatalog.byNameOrAlias(check.result().profile());
            if (profile.isEmpty() || PoolSizingFacts.forProfile(profile.get().name()).isEmpty()) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(check.file());
            AotImage image;
            try {
                image = AotReader.read(bytes, check.file().toString(), profile.get());
            } catch (AotFormatException e) {
                continue; // the verifier accepted it; a reader refusal would already be a finding
            }
            PoolSizeEstimate est = PoolSizeCalculator.estimate(image, bytes.length, options);
            long needed = PoolSizeCalculator.runGrowingBy(est, growPages);
            entries.add(new Entry(est, growPages, needed, poolSize, poolSize == null || needed <= poolSize));
        }
        return entries;
    }

    static Path write(List<Entry> entries, Path directory) throws IOException {
        Path target = directory.resolve("pool-size-report.json");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        byte[] json = mapper.writeValueAsBytes(entries);
        AtomicOutput.write(target, json);
        return target;
    }
}
