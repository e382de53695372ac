package io.github.wasmaot.format.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wasmaot.format.facts.LoaderFacts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * RecordTrees builds every shipped profile and loader-facts resource exactly as Jackson's data binding does, and
 * hands anything it does not map exactly back to Jackson (so malformed data fails as before).
 */
class RecordTreesTest {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final ObjectMapper LENIENT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static JsonNode tree(String path) throws Exception {
        JsonNode mine;
        try (InputStream in = RecordTreesTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            mine = RecordTrees.readTree(in);
        }
        try (InputStream in = RecordTreesTest.class.getResourceAsStream(path)) {
            assertEquals(STRICT.readTree(in), mine, path + ": the tree ObjectMapper.readTree reads");
        }
        return mine;
    }

    @Test
    void readsTheTreesObjectMapperReads() throws Exception {
        String json = "{\"a\": [1, 4294967296, 18446744073709551616, 1.5, -0.0, true, false, null, \"x\"],"
                + " \"b\": {}, \"a\": {\"again\": 1e3}} trailing";
        assertEquals(STRICT.readTree(json), RecordTrees.readTree(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertEquals(STRICT.readTree(""), RecordTrees.readTree(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void everyShippedProfileAndLoaderFactsMapsAsJacksonBindsIt() throws Exception {
        int facts = 0;
        for (RuntimeProfile p : ProfileCatalog.all()) {
            String path = ProfileCatalog.BASE + "profiles/" + p.name() + ".profile.json";
            JsonNode t = tree(path);
            StructOffsets.evaluate(t.path("runtime").path("structs"), path);
            ProfileDefinition mapped = RecordTrees.map(t, ProfileDefinition.class, true);
            assertNotNull(mapped, p.name() + ": fell back to Jackson");
            assertEquals(STRICT.treeToValue(t, ProfileDefinition.class), mapped, p.name());
            assertEquals(mapped, p.definition(), p.name());
            if (p.loaderFacts().isPresent()) {
                JsonNode f = tree(ProfileCatalog.BASE + "loader-facts/" + p.name() + ".json");
                LoaderFacts m = RecordTrees.map(f, LoaderFacts.class, false);
                assertNotNull(m, p.name() + " facts: fell back to Jackson");
                assertEquals(LENIENT.treeToValue(f, LoaderFacts.class), m, p.name());
                assertEquals(m, p.loaderFacts().get(), p.name());
                facts++;
            }
        }
        assertTrue(facts >= 7, "loader facts mapped: " + facts);
    }

    @Test
    void whatItDoesNotMapExactlyGoesBackToJackson() throws Exception {
        String path = ProfileCatalog.BASE + "profiles/wamr-2.4.profile.json";
        JsonNode good = tree(path);
        StructOffsets.evaluate(good.path("runtime").path("structs"), path);
        // an unknown property where those fail
        ObjectNode unknown = good.deepCopy();
        unknown.put("noSuchProperty", 1);
        assertNull(RecordTrees.map(unknown, ProfileDefinition.class, true));
        assertThrows(Exception.class, () -> STRICT.treeToValue(unknown, ProfileDefinition.class));
        // a missing required property
        ObjectNode missing = good.deepCopy();
        ((ObjectNode) missing.path("runtime").path("structs").path("execEnv")).remove("module_inst");
        assertNull(RecordTrees.map(missing, ProfileDefinition.class, true));
        // a value Jackson would coerce (a number written as a string)
        ObjectNode coerced = good.deepCopy();
        coerced.put("aotVersion", String.valueOf(good.path("aotVersion").intValue()));
        assertNull(RecordTrees.map(coerced, ProfileDefinition.class, true));
        assertEquals(STRICT.treeToValue(good, ProfileDefinition.class),
                STRICT.treeToValue(coerced, ProfileDefinition.class));
        // a record constructor that refuses its values
        ObjectNode refused = good.deepCopy();
        refused.putArray("acceptedAotVersions").add(1);
        assertNull(RecordTrees.map(refused, ProfileDefinition.class, true));
    }

    @Test
    void loaderFactsThatAreNotJsonFailAsBefore() {
        var e = assertThrows(ProfileDataException.class, () -> LoaderFacts.parse(
                new ByteArrayInputStream("{ not json".getBytes(StandardCharsets.UTF_8)), "broken.json"));
        assertTrue(e.getMessage().startsWith("cannot read loader facts broken.json: "), e.getMessage());
    }
}
