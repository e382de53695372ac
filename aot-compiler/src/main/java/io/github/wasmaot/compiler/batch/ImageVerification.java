package io.github.wasmaot.compiler.batch;

import io.github.wasmaot.verifier.report.BatchVerifier;
import io.github.wasmaot.verifier.report.ImageCheck;
import io.github.wasmaot.verifier.report.VerifyException;
import io.github.wasmaot.verifier.report.VerifyReport;
import io.github.wasmaot.verifier.report.VerifyRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a compile output root together with other images, in one report: each image filed
 * {@code <profile>/<isa>/<name>.aot} against the profile and ISA its directories name (what it was compiled for),
 * everything else (other files under the root, {@code extra} inputs) against the requested runtimes and target.
 */
public final class ImageVerification {
    private ImageVerification() {
    }

    /**
     * @param images compile output root (scanned) and what was found there
     * @param extra  files and directories checked against {@code extra.runtimes()} and {@code extra.target()};
     *               its {@code requireImages} applies to the whole report
     */
    public static VerifyReport run(CompiledImages images, VerifyRequest extra) throws VerifyException {
        Map<String, List<Path>> byCell = new LinkedHashMap<>();
        for (CompiledImage i : images.filed()) {
            byCell.computeIfAbsent(i.profile() + "\n" + i.isa(), k -> new ArrayList<>()).add(i.file());
        }
        List<Path> others = new ArrayList<>(extra.inputs());
        others.addAll(images.others());
        List<VerifyReport> parts = new ArrayList<>();
        if (!others.isEmpty() || byCell.isEmpty()) {
            parts.add(BatchVerifier.run(new VerifyRequest(others, extra.runtimes(), extra.target(),
                    extra.requireImages() && byCell.isEmpty())));
        }
        for (Map.Entry<String, List<Path>> cell : byCell.entrySet()) {
            String[] key = cell.getKey().split("\n");
            parts.add(BatchVerifier.run(VerifyRequest.of(cell.getValue(), List.of(key[0]), key[1])));
        }
        return merge(parts);
    }

    private static VerifyReport merge(List<VerifyReport> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Set<String> runtimes = new LinkedHashSet<>();
        Set<String> targets = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        List<ImageCheck> checks = new ArrayList<>();
        for (VerifyReport r : parts) {
            if (r.images().isEmpty()) {
                continue;
            }
            runtimes.addAll(r.runtimes());
            targets.add(String.valueOf(r.target()));
            files.addAll(r.images());
            checks.addAll(r.checks());
        }
        String target = targets.size() == 1 && !targets.contains("null") ? targets.iterator().next() : null;
        return new VerifyReport(List.copyOf(runtimes), target, files, checks);
    }
}
