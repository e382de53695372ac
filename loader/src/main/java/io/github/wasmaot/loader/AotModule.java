package io.github.wasmaot.loader;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.facts.FeatureFlag;
import io.github.wasmaot.format.facts.IsaSupport;
import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.ProfileDetector;
import io.github.wasmaot.format.profile.ProfileFamily;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.Export;
import io.github.wasmaot.format.section.TargetInfo;
import io.github.wasmaot.loader.layout.RuntimeLayout;
import java.util.Optional;

/**
 * A WAMR AOT image read by format-versions and checked against its runtime profile and that profile's loader
 * facts (target type, machine, bit width, endianness, feature flags), ready to instantiate.
 */
public final class AotModule {
    private static final long EXPORT_FUNC = 0;
    private static final long EXPORT_GLOBAL = 3;

    private final AotImage image;
    private final LoaderFacts facts;
    private final IsaSupport isaSupport;
    private final Isa isa;
    private final RuntimeLayout layout;

    private AotModule(AotImage image, LoaderFacts facts, IsaSupport isaSupport, Isa isa, RuntimeLayout layout) {
        this.image = image;
        this.facts = facts;
        this.isaSupport = isaSupport;
        this.isa = isa;
        this.layout = layout;
    }

    /**
     * Reads an image, taking the profile from its header: the first profile of the family the header names
     * (AOT version, target-info size) for which the loader has runtime layouts.
     */
    public static AotModule open(byte[] bytes, String fileName) throws LoaderException {
        try {
            ProfileDetector.Detection detection = ProfileDetector.detect(bytes, fileName);
            ProfileFamily family = detection.family().orElseThrow(() -> new LoaderException(
                    "no known runtime writes " + detection.describe()));
            for (RuntimeProfile p : family.profiles()) {
                if (p.runtime().isPresent()) {
                    return check(AotReader.read(bytes, fileName, p));
                }
            }
            throw new LoaderException("no runtime struct layout for any profile of " + family.label()
                    + " (none has \"runtime\" data in its profile)");
        } catch (AotFormatException e) {
            throw formatError(e);
        }
    }

    /** Reads an image strictly as {@code profileName}'s runtime would. */
    public static AotModule open(byte[] bytes, String fileName, String profileName) throws LoaderException {
        RuntimeProfile profile = ProfileCatalog.byNameOrAlias(profileName)
                .orElseThrow(() -> new LoaderException(ProfileCatalog.unknownProfileMessage(profileName)));
        try {
            return check(AotReader.read(bytes, fileName, profile));
        } catch (AotFormatException e) {
            throw formatError(e);
        }
    }

    private static LoaderException formatError(AotFormatException e) {
        String text = e.runtimeText().map(t -> "AOT module load failed: " + t + " (" + e.getMessage() + ")")
                .orElse(e.getMessage());
        return new LoaderException(text, e);
    }

    private static AotModule check(AotImage image) throws LoaderException {
        RuntimeProfile profile = image.profile();
        LoaderFacts facts = profile.loaderFacts().orElseThrow(() -> new LoaderException(
                "profile " + profile.name() + " has no loader facts"));
        RuntimeLayout layout = RuntimeLayout.forProfile(profile).orElseThrow(() -> new LoaderException(
                "no runtime struct layout for profile " + profile.name() + ": its profile has no \"runtime\" data"
                        + " (struct offsets and iwasm behaviour; profiles with it: " + profilesWithRuntimeData()
                        + ")"));
        TargetInfo ti = image.targetInfo();
        String arch = ti.archName();
        String isaName = facts.isaForArch(arch).orElseThrow(() -> new LoaderException(
                text(facts, "targetType", "a known target", arch)));
        IsaSupport support = facts.isa(isaName).orElseThrow();
        Isa isa = Isa.ofArch(isaName).orElseThrow(() -> new LoaderException(
                "the loader runs x86_64 and aarch64 images, not " + arch));
        if (!ti.littleEndian()) {
            throw new LoaderException(text(facts, "targetEndian", "little endian", "big endian"));
        }
        if (!ti.is64Bit()) {
            throw new LoaderException(text(facts, "targetBitWidth", "64-bit", "32-bit"));
        }
        if (ti.eMachine() != support.eMachine()) {
            throw new LoaderException(text(facts, "machineTypeMismatch", ti.eMachine(), arch));
        }
        if (ti.featureFlags().isPresent()) {
            long flags = ti.featureFlags().getAsLong();
            for (FeatureFlag f : facts.featureFlags()) {
                if ((flags & f.mask()) != 0 && !f.accepted()) {
                    throw new LoaderException("feature " + f.name() + " is not supported by " + profile.name()
                            + (f.note() == null ? "" : ": " + f.note()));
                }
            }
        }
        checkExports(image, facts);
        return new AotModule(image, facts, support, isa, layout);
    }

    /**
     * Export indices inside their index spaces, as WAMR 2.x's load_exports checks (wamr-cba4c782 does not check
     * and would read past its tables; this loader refuses such an image for every profile).
     */
    private static void checkExports(AotImage image, LoaderFacts facts) throws LoaderException {
        var init = image.initData();
        long[] limits = {init.importFuncs().size() + init.funcCount(),
            init.importTables().size() + init.tables().size(), init.importMemoryCount() + init.memories().size(),
            init.importGlobals().size() + init.globals().size()};
        String[] keys = {"exportUnknownFunction", "exportUnknownTable", "exportUnknownMemory", "exportUnknownGlobal"};
        String[] kinds = {"function", "table", "memory", "global"};
        for (Export e : image.exports().exports()) {
            if (e.kind() < 0 || e.kind() >= limits.length) {
                throw new LoaderException("AOT module load failed: " + facts.error("exportKind")
                        .orElse("invalid export kind") + " (export \"" + e.name().text() + "\" has kind "
                        + e.kind() + ")");
            }
            if (e.index() >= limits[e.kind()]) {
                throw new LoaderException("AOT module load failed: " + facts.error(keys[e.kind()])
                        .orElse("unknown " + kinds[e.kind()]) + " (export \"" + e.name().text() + "\" names "
                        + kinds[e.kind()] + " " + e.index() + " of " + limits[e.kind()] + ")");
            }
        }
    }

    private static String profilesWithRuntimeData() {
        return String.join(", ", ProfileCatalog.all().stream().filter(p -> p.runtime().isPresent())
                .map(RuntimeProfile::name).toList());
    }

    private static String text(LoaderFacts facts, String key, Object... args) {
        String t = facts.error(key).orElse(key);
        for (Object a : args) {
            t = t.replaceFirst("%[sdu]", String.valueOf(a).replace("$", "\\$"));
        }
        return t;
    }

    public AotImage image() {
        return image;
    }

    public RuntimeProfile profile() {
        return image.profile();
    }

    public Isa isa() {
        return isa;
    }

    RuntimeLayout layout() {
        return layout;
    }

    LoaderFacts facts() {
        return facts;
    }

    IsaSupport isaSupport() {
        return isaSupport;
    }

    /** Function index space position of an exported function. */
    Optional<Long> exportedFunctionIndex(String name) {
        return image.exports().exports().stream()
                .filter(e -> e.kind() == EXPORT_FUNC && e.name().text().equals(name))
                .map(Export::index).findFirst();
    }

    /** Names of the exported functions, in export order. */
    java.util.List<String> functionExports() {
        return image.exports().exports().stream().filter(e -> e.kind() == EXPORT_FUNC)
                .map(e -> e.name().text()).toList();
    }

    /** Names of the exported globals, in export order. */
    java.util.List<String> globalExports() {
        return image.exports().exports().stream().filter(e -> e.kind() == EXPORT_GLOBAL)
                .map(e -> e.name().text()).toList();
    }

    /** Global index space position of an exported global. */
    Optional<Long> exportedGlobalIndex(String name) {
        return image.exports().exports().stream()
                .filter(e -> e.kind() == EXPORT_GLOBAL && e.name().text().equals(name))
                .map(Export::index).findFirst();
    }

    /** Signature of function {@code index} (imports first, as in Wasm). */
    FunctionSignature signatureOf(long index) throws LoaderException {
        int imports = image.initData().importFuncs().size();
        long typeIndex = index < imports ? image.initData().importFuncs().get((int) index).typeIndex()
                : image.functions().typeIndexes().get((int) (index - imports));
        return FunctionSignature.of(image.initData().funcTypes().get((int) typeIndex));
    }

    /** Instantiates in a new backend of {@code kind}; the instance owns (and closes) that backend. */
    public Instance instantiate(BackendKind kind, InstanceOptions options) throws LoaderException {
        String why = kind.unavailableReason(isa);
        if (why != null) {
            throw new LoaderException(why);
        }
        return Instance.create(this, kind.create(isa), options.heapSize().orElse(layout.defaultHeapSize()),
                options.wasi(), options.imports(), options.timeout());
    }
}
