package io.github.wasmaot.format.profile;

import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.profile.runtime.RuntimeData;
import io.github.wasmaot.format.section.SectionKind;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/** A pinned WAMR runtime described as data: its format definition plus its loader facts (when present). */
public final class RuntimeProfile {
    /**
     * What the catalog's index repeats of a profile: enough to look it up by name and to tell which profiles write
     * an image with a given header, without reading the profile.
     *
     * @param targetInfoSize {@code targetInfo.size} of the profile
     */
    public record Summary(@JsonProperty(required = true) String name,
                          @JsonProperty(required = true) List<String> aliases,
                          @JsonProperty(required = true) int aotVersion,
                          @JsonProperty(required = true) List<Integer> acceptedAotVersions,
                          @JsonProperty(required = true) int targetInfoSize) {
        public Summary {
            aliases = List.copyOf(aliases);
            acceptedAotVersions = List.copyOf(acceptedAotVersions);
        }

        /** Field by field (not the record's equals, whose first call in a JVM builds method handles: start-up). */
        boolean sameAs(Summary o) {
            return name.equals(o.name) && aliases.equals(o.aliases) && aotVersion == o.aotVersion
                    && acceptedAotVersions.equals(o.acceptedAotVersions) && targetInfoSize == o.targetInfoSize;
        }

        static Summary of(ProfileDefinition d) {
            return new Summary(d.name(), d.aliases(), d.aotVersion(), d.acceptedAotVersions(), d.targetInfo().size());
        }
    }

    /**
     * A value given, or read on first use by whichever thread asks first; a read that throws keeps nothing, so the
     * next use reads (and fails) again.
     */
    private static final class Once<T> {
        private volatile T value;
        private java.util.function.Supplier<T> source;

        private Once(T value, java.util.function.Supplier<T> source) {
            this.value = value;
            this.source = source;
        }

        static <T> Once<T> of(T value) {
            return new Once<>(value, null);
        }

        static <T> Once<T> reading(java.util.function.Supplier<T> source) {
            return new Once<>(null, source);
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = source.get();
                        value = v;
                        source = null;
                    }
                }
            }
            return v;
        }
    }

    private final Summary summary;
    private final Once<ProfileDefinition> definition;
    private final Once<Optional<LoaderFacts>> loaderFacts;

    public RuntimeProfile(ProfileDefinition definition, LoaderFacts loaderFacts) {
        this.summary = Summary.of(definition);
        this.definition = Once.of(definition);
        this.loaderFacts = Once.of(Optional.ofNullable(loaderFacts));
    }

    /**
     * A profile whose definition and loader facts are read on first use (start-up: a run needs one profile, not
     * every profile in the catalog); each source is called once when it succeeds, and a definition that does not
     * match {@code summary} fails with {@link ProfileDataException}.
     */
    RuntimeProfile(Summary summary, java.util.function.Supplier<ProfileDefinition> definition,
                   java.util.function.Supplier<Optional<LoaderFacts>> facts) {
        this.summary = summary;
        this.definition = Once.reading(() -> {
            ProfileDefinition d = definition.get();
            Summary read = Summary.of(d);
            if (!read.sameAs(summary)) {
                throw new ProfileDataException("profile " + summary.name() + ": the catalog index says " + summary
                        + " but the profile says " + read);
            }
            return d;
        });
        this.loaderFacts = Once.reading(facts);
    }

    /** The whole definition (read on first use for a catalog profile). */
    public ProfileDefinition definition() {
        return definition.get();
    }

    public String name() {
        return summary.name();
    }

    public List<String> aliases() {
        return summary.aliases();
    }

    public String description() {
        return definition().description();
    }

    public WamrSource wamr() {
        return definition().wamr();
    }

    public int aotVersion() {
        return summary.aotVersion();
    }

    /** The AOT versions this runtime's loader takes (WAMR 2.3.x and 2.4.0: 3 or 4; every other: its own). */
    public List<Integer> acceptedAotVersions() {
        return summary.acceptedAotVersions();
    }

    /** Whether this runtime's loader gets past the version check for an image of {@code aotVersion}. */
    public boolean acceptsAotVersion(long aotVersion) {
        return summary.acceptedAotVersions().stream().anyMatch(v -> v == aotVersion);
    }

    /** e.g. "5", or "3 or 4" for WAMR 2.3. */
    public String acceptedAotVersionsLabel() {
        return summary.acceptedAotVersions().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(" or "));
    }

    /** How the section layouts were checked. */
    public String verified() {
        return definition().verified();
    }

    /** What of ours ran on this profile's real runtime, with the result; empty when not yet judged. */
    public List<String> judged() {
        return definition().judged();
    }

    /** {@code targetInfo().size()}, known without reading the definition. */
    public int targetInfoSize() {
        return summary.targetInfoSize();
    }

    public TargetInfoLayout targetInfo() {
        return definition().targetInfo();
    }

    public SectionLayouts layouts() {
        return definition().layouts();
    }

    public List<SectionRule> sections() {
        return definition().sections();
    }

    public boolean hasFeatureFlags() {
        return definition().targetInfo().has("feature_flags");
    }

    /**
     * The runtime's structs (offsets generated code reads and a loader builds) and iwasm's behaviour, for
     * profiles whose structs have been read.
     */
    public Optional<RuntimeData> runtime() {
        return Optional.ofNullable(definition().runtime());
    }

    /** Codegen data (code model, exception ids, runtime helpers), for profiles a compiler can target. */
    public Optional<CodegenData> codegen() {
        return Optional.ofNullable(definition().codegen());
    }

    public Optional<LoaderFacts> loaderFacts() {
        return loaderFacts.get();
    }

    /** Same profile with other loader facts attached (e.g. facts under test). */
    public RuntimeProfile withLoaderFacts(LoaderFacts facts) {
        return new RuntimeProfile(definition(), (LoaderFacts) facts);
    }

    /** Whether the loader accepts a section with this id at all (before ordering). */
    public boolean acceptsSectionId(long id) {
        return (id >= 0 && id < definition().sectionIdLimit())
                || (definition().customSectionId() != null && id == definition().customSectionId());
    }

    public boolean isCustomSectionId(long id) {
        return definition().customSectionId() != null && id == definition().customSectionId();
    }

    public Optional<SectionRule> sectionRule(SectionKind kind) {
        return definition().sections().stream().filter(s -> s.id() == kind.id()).findFirst();
    }

    /** Human label naming the releases or commit, e.g. "WAMR 2.4.1-2.4.5". */
    public String releasesLabel() {
        WamrSource w = definition().wamr();
        if (!w.releases().isEmpty()) {
            return "WAMR " + String.join(", ", w.releases());
        }
        return "WAMR commit " + w.commit();
    }

    @Override
    public String toString() {
        return name();
    }
}
