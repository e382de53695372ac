package io.github.wasmaot.format.facts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wasmaot.format.profile.ProfileDataException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about one pinned runtime's loader, read from {@code loader-facts/<profile>.json}: accepted feature
 * flags, per-ISA support, the exact error texts keyed by a stable name, and which native symbols exist only
 * with a build option.
 */
public record LoaderFacts(String profile, FactsSource source, List<FeatureFlag> featureFlags,
                          Map<String, IsaSupport> isas, Map<String, String> errors,
                          SymbolBuildFeatures symbolBuildFeatures) {
    /** Jackson's data binding, created only when RecordTrees cannot map the facts (see there). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public LoaderFacts {
        featureFlags = featureFlags == null ? List.of() : List.copyOf(featureFlags);
        isas = isas == null ? Map.of() : Map.copyOf(isas);
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        symbolBuildFeatures = symbolBuildFeatures == null ? new SymbolBuildFeatures("", Map.of()) : symbolBuildFeatures;
    }

    public static LoaderFacts parse(InputStream in, String what) {
        try {
            // a tree mapped by RecordTrees when it is plain data (fast to start), else Jackson's binding of it
            byte[] bytes = in.readAllBytes();
            LoaderFacts plain = null;
            try {
                plain = io.github.wasmaot.format.profile.RecordTrees.map(
                        io.github.wasmaot.format.profile.RecordTrees.readTree(new java.io.ByteArrayInputStream(bytes)),
                        LoaderFacts.class, false);
            } catch (IOException e) {
                // not JSON: Jackson's binding below says so as it always did
            }
            return plain != null ? plain : Json.MAPPER.readValue(bytes, LoaderFacts.class);
        } catch (IOException e) {
            throw new ProfileDataException("cannot read loader facts " + what + ": " + e.getMessage(), e);
        }
    }

    public Optional<IsaSupport> isa(String isa) {
        return Optional.ofNullable(isas.get(isa));
    }

    /** ISA whose arch names include (as WAMR compares: by prefix) the given arch string. */
    public Optional<String> isaForArch(String arch) {
        for (Map.Entry<String, IsaSupport> e : isas.entrySet()) {
            for (String name : e.getValue().archNames()) {
                if (arch.equals(name)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        for (Map.Entry<String, IsaSupport> e : isas.entrySet()) {
            for (String name : e.getValue().archNames()) {
                if (!name.isEmpty() && arch.startsWith(name)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The build option (e.g. {@code WASM_ENABLE_REF_TYPES}) without which the loader does not register
     * {@code symbol}; empty when the loader always registers it.
     */
    public Optional<String> buildFeatureOf(String symbol) {
        return Optional.ofNullable(symbolBuildFeatures.symbols().get(symbol));
    }

    /** Whether WAMR's own Linux build of this runtime leaves {@code option} off unless asked. */
    public boolean offByDefault(String option) {
        return symbolBuildFeatures.offByDefault().contains(option);
    }

    public Optional<String> error(String key) {
        return Optional.ofNullable(errors.get(key));
    }
}
