package io.github.wasmaot.verifier;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.facts.FeatureFlag;
import io.github.wasmaot.format.facts.IsaSupport;
import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.io.ByteReader;
import io.github.wasmaot.format.io.SectionHeader;
import io.github.wasmaot.format.layout.LayoutContext;
import io.github.wasmaot.format.layout.LayoutRegistry;
import io.github.wasmaot.format.layout.SectionCodec;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.section.ElfMachine;
import io.github.wasmaot.format.section.TargetInfo;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of WAMR's load_target_info_section, in its order: arch string, endianness, bit width, object
 * file type, machine and arch against the target, ELF version, then feature flags; plus bin type and ABI.
 */
final class TargetInfoCheck {
    private static final int E_TYPE_REL = 1;
    private static final String SECTION = "target_info";
    /** Loader-facts error keys of the feature checks in check_feature_flags. */
    private static final Map<String, String> FEATURE_ERROR_KEYS = Map.of("SIMD_128BIT", "featureSimd",
            "BULK_MEMORY", "featureBulkMemory", "MULTI_THREAD", "featureThread", "REF_TYPES", "featureRefTypes",
            "GARBAGE_COLLECTION", "featureGc");

    private TargetInfoCheck() {
    }

    /** Result: the decoded target info and the ISA the image is checked against. */
    record Outcome(TargetInfo targetInfo, String isa) {
    }

    static Optional<Outcome> run(byte[] image, String fileName, RuntimeProfile profile, Target target,
                                 SectionHeader header, FindingList out) {
        TargetInfo t;
        try {
            ByteReader all = ByteReader.over(image, fileName);
            all.skip(header.bodyOffset());
            ByteReader in = all.window(SECTION, header.size());
            Optional<SectionCodec<TargetInfo>> codec = LayoutRegistry.targetInfo(profile.layouts().targetInfo());
            if (codec.isEmpty()) {
                out.error(FindingCode.INTERNAL, SECTION, header.bodyOffset(), "profile " + profile.name()
                        + " names target-info layout " + profile.layouts().targetInfo() + ", which has no codec",
                        null);
                return Optional.empty();
            }
            t = codec.get().read(in, new LayoutContext(profile));
        } catch (AotFormatException e) {
            FindingCode code = "invalid arch string".equals(e.runtimeText().orElse(null))
                    ? FindingCode.ARCH_STRING : FindingCode.TARGET_INFO_SIZE;
            out.fromReader(e, code);
            return Optional.empty();
        }
        int at = header.bodyOffset();
        Optional<LoaderFacts> facts = profile.loaderFacts();
        RuntimeTexts texts = RuntimeTexts.of(profile);
        String imageIsa = ElfMachine.of(t.eMachine()).map(ElfMachine::isa).orElse(null);
        // Without a target, the image's own ISA: as the loader identifies it, by arch string (else e_machine).
        String isa = target != null ? target.isa()
                : facts.flatMap(f -> f.isaForArch(t.archName())).orElse(imageIsa);
        boolean wantLittle = target == null || target.littleEndian();
        int wantBits = target == null ? 64 : target.pointerBits();

        if (t.binType() != 0 && t.binType() != 1 && t.binType() != 2 && t.binType() != 3 && t.binType() != 6) {
            out.warning(FindingCode.BIN_TYPE, SECTION, at, "bin_type " + t.binType()
                    + " is none of ELF32L/ELF32B/ELF64L/ELF64B/COFF64");
        }
        if (t.littleEndian() != wantLittle) {
            out.error(FindingCode.ENDIANNESS, SECTION, at, "image is " + endian(t.littleEndian()) + ", target "
                    + isa + " is " + endian(wantLittle), texts.get("targetEndian",
                    "invalid target endian type, expected %s but got %s", endian(wantLittle),
                    endian(t.littleEndian())));
            return Optional.empty();
        }
        int bits = t.is64Bit() ? 64 : 32;
        if (bits != wantBits) {
            out.error(FindingCode.BITNESS, SECTION, at, "image is " + bits + "-bit, runtime is " + wantBits + "-bit",
                    texts.get("targetBitWidth", "invalid target bit width, expected %s but got %s",
                            wantBits + "-bit", bits + "-bit"));
            return Optional.empty();
        }
        if (t.eType() != E_TYPE_REL) {
            String text = texts.get("objectFileType",
                    "invalid object file type, expected relocatable file type but got others");
            out.error(FindingCode.OBJECT_FILE_TYPE, SECTION, field(profile, at, "e_type"), "e_type " + t.eType()
                    + " is not a relocatable object", text);
            return Optional.empty();
        }
        if (facts.isEmpty()) {
            out.warning(FindingCode.LOADER_FACTS_MISSING, SECTION, -1, "no loader facts for " + profile.name()
                    + ": machine, feature-flag and relocation checks against the runtime are skipped");
            return Optional.of(new Outcome(t, isa));
        }
        Optional<ElfMachine> machine = ElfMachine.of(t.eMachine());
        if (machine.isEmpty()) {
            out.error(FindingCode.E_MACHINE, SECTION, field(profile, at, "e_machine"),
                    "e_machine " + t.eMachine() + " is unknown",
                    texts.get("machineType", "unknown machine type %d", t.eMachine()));
            return Optional.empty();
        }
        String arch = t.archName();
        String machineType = machine.get().machineType(arch);
        if (!arch.startsWith(machineType)) {
            out.error(FindingCode.E_MACHINE, SECTION, field(profile, at, "e_machine"),
                    "e_machine " + t.eMachine() + " (" + machineType + ") disagrees with arch \"" + arch + "\"",
                    texts.get("machineTypeMismatch", "machine type (%s) isn't consistent with target type (%s)",
                            machineType, arch));
            return Optional.empty();
        }
        Optional<IsaSupport> wanted = facts.get().isa(isa);
        if (wanted.isEmpty()) {
            out.error(FindingCode.UNSUPPORTED_ISA, SECTION, field(profile, at, "e_machine"),
                    profile.name() + " has no support for ISA " + isa + " (known: "
                            + facts.get().isas().keySet() + ")", null);
            return Optional.empty();
        }
        IsaSupport want = wanted.get();
        String expected = want.expectedArch();
        boolean archAccepted = arch.startsWith(expected) || want.archNames().contains(arch);
        if (!archAccepted) {
            out.error(FindingCode.TARGET_MISMATCH, SECTION, field(profile, at, "arch"),
                    "image is for " + imageIsa + " (arch \"" + arch + "\"), target is " + isa,
                    texts.get("targetType", "invalid target type, expected %s but got %s", expected, arch));
            return Optional.empty();
        }
        if (t.eMachine() != want.eMachine() && !(t.eMachine() == ElfMachine.WIN_X86_64.value()
                && want.eMachine() == ElfMachine.X86_64.value())) {
            out.warning(FindingCode.E_MACHINE, SECTION, field(profile, at, "e_machine"), "e_machine "
                    + t.eMachine() + " is not " + isa + "'s " + want.eMachine() + ", but arch \"" + arch
                    + "\" matches and the loader compares only the arch string");
        }
        if (t.eVersion() != 1) {
            out.error(FindingCode.ELF_VERSION, SECTION, field(profile, at, "e_version"),
                    "e_version " + t.eVersion() + " is not 1", texts.get("elfVersion", "invalid elf file version"));
            return Optional.empty();
        }
        if (t.abiType() != 0) {
            out.info(FindingCode.ABI, SECTION, field(profile, at, "abi_type"), "abi_type " + t.abiType()
                    + " (the loader does not check it)");
        }
        if (t.featureFlags().isPresent() && !checkFeatureFlags(t.featureFlags().getAsLong(), facts.get(),
                field(profile, at, "feature_flags"), out)) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(t, isa));
    }

    private static boolean checkFeatureFlags(long flags, LoaderFacts facts, long at, FindingList out) {
        boolean ok = true;
        long known = 0;
        for (FeatureFlag f : facts.featureFlags()) {
            known |= f.mask();
            if ((flags & f.mask()) != 0 && !f.accepted()) {
                String text = facts.errors().get(FEATURE_ERROR_KEYS.getOrDefault(f.name(), "feature" + f.name()));
                out.error(FindingCode.FEATURE_FLAGS, SECTION, at, "feature " + f.name() + " (bit " + f.bit()
                        + ") is set but this runtime build does not honour it"
                        + (f.note() == null ? "" : ": " + f.note()), text);
                ok = false;
            }
        }
        long unknown = flags & ~known;
        if (unknown != 0) {
            out.warning(FindingCode.FEATURE_FLAGS, SECTION, at, "feature flag bits 0x"
                    + Long.toHexString(unknown) + " are not described by the loader facts");
        }
        return ok;
    }

    private static long field(RuntimeProfile profile, int bodyOffset, String name) {
        int off = profile.targetInfo().offsetOf(name);
        return off < 0 ? bodyOffset : bodyOffset + (long) off;
    }

    private static String endian(boolean little) {
        return little ? "little endian" : "big endian";
    }
}
