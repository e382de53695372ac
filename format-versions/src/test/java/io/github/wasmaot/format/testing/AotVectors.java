package io.github.wasmaot.format.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The real wamrc-made AOT images in {@code ../shared/aot-vectors}, read in place and listed by its
 * {@code manifest.json}. Shared by every module's tests through this module's test-jar, so each test derives
 * its cases from the manifest instead of a hand-written list. The images are never copied into the project.
 */
public final class AotVectors {

    /** One run of the real iwasm recorded in the manifest. */
    public record Run(List<String> iwasmArgs, List<String> programArgs, String stdout, String stderr, int exit) {
        public Run {
            iwasmArgs = List.copyOf(iwasmArgs);
            programArgs = List.copyOf(programArgs);
        }
    }

    /** One image: what wamrc made it from and for, and what the real iwasm printed running it. */
    public record Entry(String file, String wasm, String profile, String wamr, String isa, List<String> wamrcArgs,
                        long size, String sha256, int aotVersion, int targetInfoSize, List<Run> runs, Path path) {
        public Entry {
            wamrcArgs = List.copyOf(wamrcArgs);
            runs = List.copyOf(runs);
        }

        public byte[] bytes() {
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The wasm module the image was compiled from. */
        public Path wasmPath() {
            return path.resolveSibling(wasm);
        }

        /** The export names the recorded iwasm runs invoked with {@code -f NAME}, in order, without repeats. */
        public List<String> invokedExports() {
            List<String> names = new ArrayList<>();
            for (Run r : runs) {
                int f = r.iwasmArgs().indexOf("-f");
                if (f >= 0 && f + 1 < r.iwasmArgs().size() && !names.contains(r.iwasmArgs().get(f + 1))) {
                    names.add(r.iwasmArgs().get(f + 1));
                }
            }
            return List.copyOf(names);
        }

        /** True when wamrc was asked for software bounds checks. */
        public boolean boundsChecks() {
            return wamrcArgs.contains("--bounds-checks=1");
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private static List<Entry> entries;
    private static List<Entry> releaseEntries;

    private AotVectors() {
    }

    /** The shared folder: system property {@code wasmaot.shared.dir} (set by surefire), else {@code <repo>/../shared}. */
    public static Path sharedDir() {
        String shared = System.getProperty("wasmaot.shared.dir");
        if (shared != null && !shared.isBlank()) {
            return Paths.get(shared).toAbsolutePath().normalize();
        }
        String repo = System.getProperty("wasmaot.repo.dir", System.getProperty("user.dir") + "/..");
        return Paths.get(repo, "..", "shared").toAbsolutePath().normalize();
    }

    public static Path dir() {
        return sharedDir().resolve("aot-vectors");
    }

    /** Every image in the manifest; fails loudly (never an empty list) when the folder is missing. */
    public static synchronized List<Entry> all() {
        if (entries == null) {
            entries = load(dir().resolve("manifest.json"));
        }
        return entries;
    }

    /**
     * The images of the other release families in {@code ../shared/aot-vectors-releases} (WAMR 1.3.3, 2.3.1, main),
     * same manifest format. Opt-in by that folder's own manifest: tests call {@link #releasesPresent()} first.
     */
    public static Path releasesDir() {
        return sharedDir().resolve("aot-vectors-releases");
    }

    /** Whether {@code aot-vectors-releases/manifest.json} exists beside the pinned vectors. */
    public static boolean releasesPresent() {
        return Files.isRegularFile(releasesDir().resolve("manifest.json"));
    }

    /** Every release-family image listed by its manifest; fails loudly when the folder is missing. */
    public static synchronized List<Entry> releases() {
        if (releaseEntries == null) {
            releaseEntries = load(releasesDir().resolve("manifest.json"));
        }
        return releaseEntries;
    }

    /** The manifest entry for one image file name. */
    public static Entry byFile(String file) {
        return all().stream().filter(e -> e.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vector " + file + " in " + dir()));
    }

    private static List<Entry> load(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalStateException("vector manifest not found at " + manifest
                    + " (set -Dwasmaot.shared.dir to the shared folder)");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(manifest.toFile());
            List<Entry> out = new ArrayList<>();
            for (JsonNode e : root.get("entries")) {
                List<Run> runs = new ArrayList<>();
                for (JsonNode r : e.path("runs")) {
                    runs.add(new Run(strings(r.get("iwasm_args")), strings(r.get("program_args")),
                            r.get("stdout").asText(), r.get("stderr").asText(), r.get("exit").asInt()));
                }
                out.add(new Entry(e.get("file").asText(), e.get("wasm").asText(), e.get("profile").asText(),
                        e.get("wamr").asText(), e.get("isa").asText(), strings(e.get("wamrc_args")),
                        e.get("size").asLong(), e.get("sha256").asText(), e.get("aot_version").asInt(),
                        e.get("target_info_size").asInt(), runs, manifest.resolveSibling(e.get("file").asText())));
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("manifest " + manifest + " lists no vectors");
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(a -> out.add(a.asText()));
        }
        return out;
    }
}
