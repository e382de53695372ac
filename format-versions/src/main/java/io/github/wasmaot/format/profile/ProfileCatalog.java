package io.github.wasmaot.format.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.facts.LoaderFacts;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The runtime profiles shipped as resources: {@code profiles/index.json} lists them, each is
 * {@code profiles/<name>.profile.json}, and its loader facts are {@code loader-facts/<name>.json} when present.
 */
public final class ProfileCatalog {
    static final String BASE = "/io/github/wasmaot/format/";
    /** Jackson's data binding, created only when RecordTrees cannot map a resource (see there). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    private static final class Holder {
        static final ProfileCatalog BUILT_IN = load();
    }

    private final List<RuntimeProfile> profiles;

    private ProfileCatalog(List<RuntimeProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** The catalog of built-in profiles. */
    public static ProfileCatalog builtIn() {
        return Holder.BUILT_IN;
    }

    /** All built-in profiles, oldest AOT version first. */
    public static List<RuntimeProfile> all() {
        return builtIn().profiles();
    }

    /** Built-in profile by name or alias (case-insensitive), e.g. "legacy", "wamr-2.4", "current". */
    public static Optional<RuntimeProfile> byNameOrAlias(String nameOrAlias) {
        return builtIn().find(nameOrAlias);
    }

    /**
     * The one text every command and API gives for a name that is no profile: {@code unknown runtime profile 'X';
     * known: wamr-cba4c782 (legacy), …} — each profile with its short aliases; {@code wasm-aot profiles} lists them all.
     */
    public static String unknownProfileMessage(String nameOrAlias) {
        StringBuilder known = new StringBuilder();
        for (RuntimeProfile p : all()) {
            List<String> shortAliases = p.aliases().stream()
                    .filter(a -> !a.toLowerCase(Locale.ROOT).startsWith("wamr-") && a.chars().filter(c -> c == '.').count() < 2)
                    .toList();
            known.append(known.length() == 0 ? "" : ", ").append(p.name())
                    .append(shortAliases.isEmpty() ? "" : " (" + String.join(", ", shortAliases) + ")");
        }
        return "unknown runtime profile '" + nameOrAlias + "'; known: " + known
                + "; every release tag is an alias too (wasm-aot profiles lists them)";
    }

    public List<RuntimeProfile> profiles() {
        return profiles;
    }

    public Optional<RuntimeProfile> find(String nameOrAlias) {
        if (nameOrAlias == null) {
            return Optional.empty();
        }
        String key = nameOrAlias.trim().toLowerCase(Locale.ROOT);
        for (RuntimeProfile p : profiles) {
            if (p.name().equalsIgnoreCase(key)
                    || p.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(key))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Profiles whose loader accepts this AOT version (WAMR 2.3 takes the v3 of 2.0-2.2 as well as its own v4). */
    public List<RuntimeProfile> forAotVersion(long aotVersion) {
        return profiles.stream().filter(p -> p.acceptsAotVersion(aotVersion)).collect(Collectors.toList());
    }

    /** Families (AOT version, target-info size), in catalog order. */
    public List<ProfileFamily> families() {
        Map<String, List<RuntimeProfile>> byKey = new LinkedHashMap<>();
        for (RuntimeProfile p : profiles) {
            byKey.computeIfAbsent(p.aotVersion() + "/" + p.targetInfoSize(), k -> new ArrayList<>()).add(p);
        }
        List<ProfileFamily> out = new ArrayList<>();
        for (List<RuntimeProfile> group : byKey.values()) {
            out.add(new ProfileFamily(group.get(0).aotVersion(), group.get(0).targetInfoSize(), group));
        }
        return out;
    }

    /** The family that writes images with this AOT version and target-info section size. */
    public Optional<ProfileFamily> familyOf(long aotVersion, long targetInfoSize) {
        return families().stream()
                .filter(f -> f.aotVersion() == aotVersion && f.targetInfoSize() == targetInfoSize)
                .findFirst();
    }

    public Optional<ProfileFamily> familyOf(RuntimeProfile profile) {
        return familyOf(profile.aotVersion(), profile.targetInfoSize());
    }

    /** Names the releases whose loader accepts {@code aotVersion}, e.g. "WAMR 2.3.0, 2.3.1". */
    public String releasesAccepting(long aotVersion) {
        List<RuntimeProfile> ps = forAotVersion(aotVersion);
        if (ps.isEmpty()) {
            return "no known WAMR release";
        }
        return ps.stream().map(p -> p.name() + " (" + p.releasesLabel() + ")").collect(Collectors.joining(", "));
    }

    /**
     * The index, with each profile's definition read on first use (start-up, issue #15: a run needs the profile of
     * one image, not all eight; detection and lookup by name need only what the index repeats of each profile).
     */
    private static ProfileCatalog load() {
        List<RuntimeProfile.Summary> index = readIndex(BASE + "profiles/index.json");
        List<RuntimeProfile> list = new ArrayList<>();
        for (RuntimeProfile.Summary entry : index) {
            String name = entry.name();
            String path = BASE + "profiles/" + name + ".profile.json";
            list.add(new RuntimeProfile(entry, () -> readProfile(path), () -> loadFacts(name)));
        }
        return new ProfileCatalog(list);
    }

    /** Loader facts resource for a profile, if the facts file exists. */
    public static Optional<LoaderFacts> loadFacts(String profileName) {
        String path = BASE + "loader-facts/" + profileName + ".json";
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(LoaderFacts.parse(in, path));
        } catch (IOException e) {
            throw new ProfileDataException("cannot read " + path, e);
        }
    }

    /** A profile resource, with struct offsets written as {@code "13*ptr + 128"} evaluated (see StructOffsets). */
    private static ProfileDefinition readProfile(String path) {
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ProfileDataException("missing resource " + path);
            }
            com.fasterxml.jackson.databind.JsonNode tree = RecordTrees.readTree(in);
            StructOffsets.evaluate(tree.path("runtime").path("structs"), path);
            ProfileDefinition plain = RecordTrees.map(tree, ProfileDefinition.class, true);
            return plain != null ? plain : Json.MAPPER.treeToValue(tree, ProfileDefinition.class);
        } catch (IOException e) {
            throw new ProfileDataException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The index: a JSON array with one object per profile, in catalog order, repeating the fields a catalog lookup
     * needs ({@link RuntimeProfile.Summary}); a profile whose file says otherwise fails when it is read.
     */
    private static List<RuntimeProfile.Summary> readIndex(String path) {
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ProfileDataException("missing resource " + path);
            }
            com.fasterxml.jackson.databind.JsonNode tree = RecordTrees.readTree(in);
            if (!tree.isArray()) {
                throw new ProfileDataException(path + ": not a JSON array");
            }
            List<RuntimeProfile.Summary> out = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode n : tree) {
                RuntimeProfile.Summary entry = RecordTrees.map(n, RuntimeProfile.Summary.class, true);
                if (entry == null) {
                    entry = Json.MAPPER.treeToValue(n, RuntimeProfile.Summary.class);
                }
                out.add(entry);
            }
            return out;
        } catch (IOException e) {
            throw new ProfileDataException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
