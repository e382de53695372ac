package io.github.wasmaot.compiler;

import io.github.wasmaot.format.profile.CodegenData;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.profile.runtime.RuntimeStructs;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Options checked against the profile's codegen data and runtime structs: everything the code generator and
 * image builder ask.
 * Validation happens here, before LLVM sees anything (a fatal LLVM error would abort the JVM).
 */
public record CodegenTarget(RuntimeProfile profile, String isa, CodegenData data, RuntimeStructs structs,
                            CodegenData.IsaCodegen isaData, String cpu, int optLevel, boolean boundsChecks,
                            boolean stackBoundsChecks, String cpuFeatures, String codeModel) {
    /** Code models LLVM's backend takes per ISA (any other aborts the process inside LLVM). */
    private static final Map<String, Set<String>> LLVM_CODE_MODELS = Map.of(
            "x86_64", Set.of("small", "kernel", "medium", "large"),
            "aarch64", Set.of("small", "large"));
    /** LLVM target features: {@code +name} or {@code -name}, comma-separated. */
    private static final Pattern FEATURES = Pattern.compile("[+-][A-Za-z0-9_.-]+(,[+-][A-Za-z0-9_.-]+)*");
    /** x86-64 psABI level names: an instruction set, not a processor to tune for. */
    private static final Pattern X86_64_LEVEL = Pattern.compile("x86-64(-v[234])?");

    public static CodegenTarget resolve(CompileOptions options) {
        RuntimeProfile profile = ProfileCatalog.byNameOrAlias(options.runtime())
                .orElseThrow(() -> new CompileException(ProfileCatalog.unknownProfileMessage(options.runtime())));
        CodegenData data = profile.codegen().orElseThrow(() -> new CompileException(
                "runtime profile " + profile.name() + " has no codegen data: this compiler cannot target it"));
        RuntimeStructs structs = profile.runtime().map(r -> r.structs()).orElseThrow(() -> new CompileException(
                "runtime profile " + profile.name() + " has no runtime struct data (\"runtime\".\"structs\": the"
                        + " offsets generated code reads): this compiler cannot target it"));
        String isa = normalizeIsa(options.isa());
        CodegenData.IsaCodegen isaData = data.isa(isa).orElseThrow(() -> new CompileException(
                "runtime profile " + profile.name() + " has no codegen data for target \"" + options.isa()
                        + "\" (supported: " + String.join(", ", data.isas().keySet().stream().sorted().toList())
                        + ")"));
        if (options.optLevel() < 0 || options.optLevel() > 3) {
            throw new CompileException("opt level must be 0-3, got " + options.optLevel());
        }
        String cpu = options.cpu() == null ? isaData.cpu() : options.cpu();
        if (!isaData.allowedCpus().contains(cpu)) {
            throw new CompileException("cpu \"" + cpu + "\" is not supported for " + isa + " (supported: "
                    + String.join(", ", isaData.allowedCpus()) + ")");
        }
        String features = options.cpuFeatures() == null ? isaData.features() : options.cpuFeatures().strip();
        if (!features.isEmpty() && !FEATURES.matcher(features).matches()) {
            throw new CompileException("cpu features \"" + features + "\" are not a comma-separated list of "
                    + "+feature / -feature");
        }
        String codeModel = isaData.codeModel();
        if (options.sizeLevel() != null) {
            codeModel = switch (options.sizeLevel()) {
                case 0 -> "large";
                case 1 -> "medium";
                case 2 -> "kernel";
                case 3 -> "small";
                default -> throw new CompileException("size level must be 0-3, got " + options.sizeLevel());
            };
            if (!LLVM_CODE_MODELS.getOrDefault(isa, Set.of("small")).contains(codeModel)) {
                throw new CompileException("size level " + options.sizeLevel() + " (" + codeModel + " code model) is "
                        + "not available for " + isa + ": LLVM takes only " + LLVM_CODE_MODELS.get(isa).stream()
                        .sorted().toList() + " there (size levels 3 and 0)");
            }
        }
        if (!"static".equals(data.relocMode())) {
            throw new CompileException("profile " + profile.name() + " asks for reloc mode " + data.relocMode()
                    + ", only static is supported");
        }
        return new CodegenTarget(profile, isa, data, structs, isaData, cpu, options.optLevel(), options.boundsChecks(),
                options.effectiveStackBoundsChecks(), features, codeModel);
    }

    /**
     * The processor LLVM tunes for, when it is not {@link #cpu()} itself (else null). An x86-64 level
     * ({@code x86-64}, {@code x86-64-v2} … {@code -v4}) names what instructions may run, and is tuned for
     * {@code generic}, as GCC does for {@code -march=x86-64-vN}. LLVM would tune {@code x86-64-v2} for Sandy Bridge
     * and {@code -v3} for Haswell, where {@code shld r, r, imm} is a fast rotate: on AMD Zen it is slow, and sha256
     * compiled so ran 1.75× as long on the real iwasm as with {@code rol} (docs/codegen-notes.md).
     */
    public String tuneCpu() {
        return "x86_64".equals(isa) && X86_64_LEVEL.matcher(cpu).matches() ? "generic" : null;
    }

    /** wamrc's {@code --size-level} that selects this code model. */
    public int sizeLevel() {
        return switch (codeModel) {
            case "large" -> 0;
            case "medium" -> 1;
            case "kernel" -> 2;
            default -> 3;
        };
    }

    static String normalizeIsa(String isa) {
        String key = isa.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "amd64", "x86-64", "x86_64" -> "x86_64";
            case "arm64", "aarch64", "aarch64v8" -> "aarch64";
            default -> key;
        };
    }
}
