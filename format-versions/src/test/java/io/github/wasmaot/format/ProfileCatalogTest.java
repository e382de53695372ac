package io.github.wasmaot.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.facts.IsaSupport;
import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.ProfileFamily;
import io.github.wasmaot.format.profile.RuntimeProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileCatalogTest {
    static List<RuntimeProfile> profiles() {
        return ProfileCatalog.all();
    }

    @ParameterizedTest
    @CsvSource({"legacy,wamr-cba4c782", "wamr-cba4c782,wamr-cba4c782", "current,wamr-2.4", "wamr-2.4,wamr-2.4",
            "wamr-2.4.1,wamr-2.4", "wamr-2.4.5,wamr-2.4", "WAMR-2.4.4,wamr-2.4", "wamr-1.3,wamr-1.3",
            "wamr-2.0,wamr-2.0", "wamr-2.1,wamr-2.1", "wamr-2.2,wamr-2.2", "wamr-2.3,wamr-2.3",
            "2.4,wamr-2.4", "1.3,wamr-1.3", "2.0,wamr-2.0", "2.1,wamr-2.1", "2.2,wamr-2.2", "2.3,wamr-2.3",
            "2.4.5,wamr-2.4", "WAMR-1.3.3,wamr-1.3", "1.3.0,wamr-1.3", "WAMR-2.1.1,wamr-2.1", "2.3.0,wamr-2.3",
            "next,wamr-main-646b5a9", "wamr-main,wamr-main-646b5a9", "WAMR-2.0.0,wamr-2.0", "2.2.0,wamr-2.2"})
    void looksUpByNameOrAlias(String key, String name) {
        assertEquals(name, ProfileCatalog.byNameOrAlias(key).orElseThrow().name());
    }

    /** WAMR-2.4.0 writes v4 with 2.4.1's element-segment layout: no profile may claim it (WAMR issue #4504). */
    @Test
    void release2x4x0IsExcludedWithItsReason() {
        assertTrue(ProfileCatalog.byNameOrAlias("wamr-2.4.0").isEmpty());
        assertTrue(ProfileCatalog.byNameOrAlias("2.4.0").isEmpty());
        RuntimeProfile p24 = ProfileCatalog.byNameOrAlias("2.4.4").orElseThrow();
        assertTrue(p24.definition().excludedReleases().get("2.4.0").contains("AOT version 4"));
    }

    /** aot_compatible_version of each line: 2.3.x takes 3 or 4, every other only its own. */
    @ParameterizedTest
    @CsvSource({"wamr-cba4c782,3", "wamr-1.3,3", "wamr-2.0,3", "wamr-2.1,3", "wamr-2.2,3", "wamr-2.3,3 or 4",
            "wamr-2.4,5", "next,6"})
    void acceptedAotVersions(String name, String accepted) {
        assertEquals(accepted, ProfileCatalog.byNameOrAlias(name).orElseThrow().acceptedAotVersionsLabel());
    }

    @Test
    void unknownNameIsEmpty() {
        assertTrue(ProfileCatalog.byNameOrAlias("wamr-9.9").isEmpty());
        assertTrue(ProfileCatalog.byNameOrAlias(null).isEmpty());
    }

    @Test
    void pinnedProfilesHaveTheDocumentedHeaders() {
        RuntimeProfile legacy = ProfileCatalog.byNameOrAlias("legacy").orElseThrow();
        RuntimeProfile current = ProfileCatalog.byNameOrAlias("current").orElseThrow();
        assertEquals(3, legacy.aotVersion());
        assertEquals(36, legacy.targetInfo().size());
        assertFalse(legacy.hasFeatureFlags());
        assertEquals(5, current.aotVersion());
        assertEquals(48, current.targetInfo().size());
        assertTrue(current.hasFeatureFlags());
    }

    @Test
    void aotV3WithA48ByteTargetInfoIsThe2x0To2x2Family() {
        ProfileFamily f = ProfileCatalog.builtIn().familyOf(3, 48).orElseThrow();
        assertEquals("wamr-2.0/wamr-2.1/wamr-2.2", f.names());
        assertEquals("wamr-cba4c782/wamr-1.3", ProfileCatalog.builtIn().familyOf(3, 36).orElseThrow().names());
        assertTrue(ProfileCatalog.builtIn().releasesAccepting(5).contains("2.4.4"));
    }

    /** The second engineer's loader facts must exist for every profile (fails, never skips). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyProfileCarriesItsLoaderFacts(RuntimeProfile p) {
        LoaderFacts facts = p.loaderFacts().orElseThrow(() -> new AssertionError("missing resource "
                + "io/github/wasmaot/format/loader-facts/" + p.name() + ".json"));
        assertEquals(p.name(), facts.profile());
        assertEquals(p.wamr().sourceCommit(), facts.source().commit(), "facts and profile read the same commit");
        IsaSupport x86 = facts.isa("x86_64").orElseThrow();
        assertEquals(62, x86.eMachine());
        IsaSupport arm = facts.isa("aarch64").orElseThrow();
        assertEquals(183, arm.eMachine());
        assertTrue(arm.relocation(283).isPresent(), "every runtime applies R_AARCH64_CALL26");
    }

    /**
     * aot_reloc.h registers the table helpers only with WASM_ENABLE_REF_TYPES and the bulk-memory helpers only
     * with WASM_ENABLE_BULK_MEMORY; every profile's facts list them for every ISA, say which build, and which
     * of those options the release's own Linux build leaves off.
     */
    @ParameterizedTest
    @CsvSource({"wamr-cba4c782,true", "wamr-1.3,true", "wamr-2.0,true", "wamr-2.1,true", "wamr-2.2,true",
            "wamr-2.3,false", "wamr-2.4,false", "wamr-main-646b5a9,false"})
    void loaderFactsSayWhichHelpersNeedWhichBuild(String name, boolean refTypesOffByDefault) {
        LoaderFacts facts = ProfileCatalog.byNameOrAlias(name).orElseThrow().loaderFacts().orElseThrow();
        // product-mini/platforms/linux/CMakeLists.txt: WAMR_BUILD_REF_TYPES defaults to 0 before 2.3, 1 from 2.3 on
        assertEquals(refTypesOffByDefault, facts.offByDefault("WASM_ENABLE_REF_TYPES"), name);
        assertFalse(facts.offByDefault("WASM_ENABLE_BULK_MEMORY"), name);
        for (String helper : List.of("aot_drop_table_seg", "aot_table_init", "aot_table_copy", "aot_table_fill",
                "aot_table_grow")) {
            assertEquals("WASM_ENABLE_REF_TYPES", facts.buildFeatureOf(helper).orElseThrow(), helper);
        }
        assertEquals("WASM_ENABLE_BULK_MEMORY", facts.buildFeatureOf("aot_memory_init").orElseThrow());
        assertEquals("WASM_ENABLE_BULK_MEMORY", facts.buildFeatureOf("aot_data_drop").orElseThrow());
        assertTrue(facts.buildFeatureOf("aot_set_exception_with_id").isEmpty(), "always registered");
        for (String isa : facts.isas().keySet()) {
            assertTrue(facts.isa(isa).orElseThrow().symbols().contains("aot_table_grow"), isa);
            assertTrue(facts.isa(isa).orElseThrow().symbols().contains("aot_memory_init"), isa);
        }
    }
}
