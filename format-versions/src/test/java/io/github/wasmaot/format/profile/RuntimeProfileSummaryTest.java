package io.github.wasmaot.format.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The catalog reads a profile's definition on first use and answers lookups from its index entry
 * ({@link RuntimeProfile.Summary}); the entry must say what the profile file says.
 */
class RuntimeProfileSummaryTest {

    @Test
    void everyIndexEntryMatchesItsProfileFile() {
        assertEquals(8, ProfileCatalog.all().size());
        for (RuntimeProfile p : ProfileCatalog.all()) {
            ProfileDefinition d = p.definition(); // checks the entry against the file
            assertEquals(d.name(), p.name());
            assertEquals(d.aliases(), p.aliases());
            assertEquals(d.aotVersion(), p.aotVersion());
            assertEquals(d.acceptedAotVersions(), p.acceptedAotVersions());
            assertEquals(d.targetInfo().size(), p.targetInfoSize());
        }
    }

    @Test
    void lookupsDoNotReadTheDefinitionAndItIsReadOnce() {
        ProfileDefinition real = ProfileCatalog.byNameOrAlias("wamr-2.4").orElseThrow().definition();
        AtomicInteger reads = new AtomicInteger();
        RuntimeProfile p = new RuntimeProfile(RuntimeProfile.Summary.of(real), () -> {
            reads.incrementAndGet();
            return real;
        }, Optional::empty);
        assertEquals("wamr-2.4", p.name());
        assertTrue(p.aliases().contains("current"));
        assertTrue(p.acceptsAotVersion(real.aotVersion()));
        assertEquals(48, p.targetInfoSize());
        assertEquals(0, reads.get());
        assertSame(real.layouts(), p.layouts());
        assertSame(real, p.definition());
        assertEquals(1, reads.get());
    }

    @Test
    void anIndexEntryThatDisagreesWithTheFileFailsWhenTheProfileIsRead() {
        ProfileDefinition real = ProfileCatalog.byNameOrAlias("legacy").orElseThrow().definition();
        RuntimeProfile.Summary wrong = new RuntimeProfile.Summary(real.name(), real.aliases(), real.aotVersion(),
                real.acceptedAotVersions(), 48);
        RuntimeProfile p = new RuntimeProfile(wrong, () -> real, Optional::empty);
        assertEquals(48, p.targetInfoSize());
        ProfileDataException e = assertThrows(ProfileDataException.class, p::layouts);
        assertTrue(e.getMessage().contains("the catalog index says") && e.getMessage().contains("targetInfoSize=36"),
                e.getMessage());
        assertThrows(ProfileDataException.class, p::definition, "a definition that failed the check is not kept");
    }
}
