package io.github.wasmaot.loader.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.AotWriter;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.RelocationSection;
import io.github.wasmaot.format.section.Section;
import io.github.wasmaot.format.section.TextSection;
import io.github.wasmaot.format.testing.AotVectors;
import io.github.wasmaot.loader.AotModule;
import io.github.wasmaot.loader.BackendKind;
import io.github.wasmaot.loader.Backends;
import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.fuzz.VerifiedImagesLoadFuzzTest.Outcome;
import io.github.wasmaot.verifier.FindingCode;
import io.github.wasmaot.verifier.Target;
import io.github.wasmaot.verifier.VerificationResult;
import io.github.wasmaot.verifier.Verifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three corruptions users reported, each of which once ended in a Java stack trace: an export naming
 * function 215 of 1, a relocation moved to another place inside its section, and a changed code byte. The
 * first must be refused by the verifier (with the runtime's text) and by the loader; the other two are
 * images the runtime loads too, and running them on the emulator must end in one of the loader's typed
 * outcomes.
 */
class CorruptImageRegressionTest {
    private static final Set<Outcome> RAN = EnumSet.of(Outcome.RESULT, Outcome.TRAP, Outcome.EXIT,
            Outcome.LOADER_EXCEPTION, Outcome.TIME_BOUND, Outcome.INSTANTIATE_REFUSED, Outcome.OPENED);
    private static final String TIMEOUT_PROPERTY = "wasmaot.emulator.callTimeoutMillis";
    private static String savedTimeout;

    @BeforeAll
    static void boundEachCall() {
        savedTimeout = System.getProperty(TIMEOUT_PROPERTY);
        System.setProperty(TIMEOUT_PROPERTY, "2000");
    }

    @AfterAll
    static void restore() {
        if (savedTimeout == null) {
            System.clearProperty(TIMEOUT_PROPERTY);
        } else {
            System.setProperty(TIMEOUT_PROPERTY, savedTimeout);
        }
    }

    static List<AotVectors.Entry> vectors() {
        return AotVectors.all().stream().filter(v -> !v.boundsChecks()).collect(Collectors.toList());
    }

    @Test
    void anExportOfFunction215IsRefusedByVerifierAndLoader() {
        AotVectors.Entry v = AotVectors.byFile("hello_wat.wamr-2.4.x86_64.aot");
        byte[] image = v.bytes();
        assertEquals(0x01, image[0x1f4]);
        image[0x1f4] = (byte) 0xd7;
        VerificationResult r = Verifier.verify(image, v.file(), ProfileCatalog.byNameOrAlias(v.profile())
                .orElseThrow(), Target.of(v.isa()));
        assertFalse(r.accepted());
        assertEquals(FindingCode.EXPORT_INDEX, r.errors().get(0).code());
        assertEquals("unknown function", r.runtimeText().orElseThrow());
        LoaderException e = assertThrows(LoaderException.class, () -> AotModule.open(image, v.file(), v.profile()));
        assertTrue(e.getMessage().startsWith("AOT module load failed: unknown function (export \"_start\" names"
                + " function 215 of "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aRelocationMovedInsideItsSectionRunsToATypedOutcome(AotVectors.Entry v) throws Exception {
        assumeEmulator();
        AotImage image = AotReader.read(v.bytes(), v.file());
        RelocationGroup text = image.relocations().groups().stream()
                .filter(g -> g.targetsText() && !g.targetsLiteral() && g.relocations().size() > 1).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(text != null, "no text relocations");
        long to = text.relocations().get(text.relocations().size() - 1).offset();
        byte[] mutant = replace(image, s -> {
            if (!(s instanceof RelocationSection rs)) {
                return s;
            }
            List<RelocationGroup> groups = new ArrayList<>();
            for (RelocationGroup g : rs.groups()) {
                if (g != text) {
                    groups.add(g);
                    continue;
                }
                List<Relocation> list = new ArrayList<>(g.relocations());
                Relocation r = list.get(0);
                list.set(0, new Relocation(to, r.addend(), r.type(), r.symbolIndex(), r.symbol()));
                groups.add(new RelocationGroup(g.nameIndex(), g.name(), list));
            }
            return new RelocationSection(rs.symbols(), groups);
        });
        assertTrue(accepted(v, mutant), "the runtime cannot tell a moved relocation from a real one");
        Outcome o = VerifiedImagesLoadFuzzTest.exercise(seed(v), mutant, true);
        assertTrue(RAN.contains(o), o.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aChangedCodeByteRunsToATypedOutcome(AotVectors.Entry v) throws Exception {
        assumeEmulator();
        AotImage image = AotReader.read(v.bytes(), v.file());
        // the first function the fuzz property calls: the first exported defined function
        int imports = image.initData().importFuncs().size();
        long called = image.exports().exports().stream().filter(e -> e.kind() == 0 && e.index() >= imports)
                .findFirst().orElseThrow().index();
        long entry = image.functions().textOffsets().get((int) called - imports);
        for (int value : new int[] {0x00, 0xff, 0x0f}) {
            byte[] mutant = replace(image, s -> {
                if (!(s instanceof TextSection t)) {
                    return s;
                }
                byte[] code = t.code();
                for (int i = 0; i < 4 && entry + i < code.length; i++) {
                    code[(int) entry + i] = (byte) value;
                }
                return new TextSection(t.literal(), code);
            });
            assertTrue(accepted(v, mutant), "code bytes are not checked by the runtime either");
            Outcome o = VerifiedImagesLoadFuzzTest.exercise(seed(v), mutant, true);
            assertTrue(RAN.contains(o) && o != Outcome.OPENED, o.toString());
        }
    }

    private static void assumeEmulator() {
        Backends.assumeAvailable(BackendKind.EMULATED, Isa.X86_64);
    }

    private static boolean accepted(AotVectors.Entry v, byte[] mutant) {
        VerificationResult r = Verifier.verify(mutant, v.file(), ProfileCatalog.byNameOrAlias(v.profile())
                .orElseThrow(), Target.of(v.isa()));
        return r.accepted();
    }

    private static VerifiedImagesLoadFuzzTest.Seed seed(AotVectors.Entry v) throws Exception {
        return VerifiedImagesLoadFuzzTest.seed(v.file(), v.bytes(), v.profile(), v.isa());
    }

    private static byte[] replace(AotImage image, UnaryOperator<Section> edit) {
        List<PlacedSection> sections = new ArrayList<>();
        for (PlacedSection p : image.sections()) {
            sections.add(new PlacedSection(p.id(), p.headerOffset(), p.size(), edit.apply(p.body())));
        }
        return AotWriter.write(new AotImage(image.fileName(), image.magic(), image.version(), image.profile(),
                sections));
    }
}
