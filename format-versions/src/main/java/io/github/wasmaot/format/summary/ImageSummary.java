package io.github.wasmaot.format.summary;

import io.github.wasmaot.format.AotFormatException;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.AotReader;
import io.github.wasmaot.format.facts.IsaSupport;
import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.facts.RelocationKind;
import io.github.wasmaot.format.profile.ProfileCatalog;
import io.github.wasmaot.format.profile.ProfileFamily;
import io.github.wasmaot.format.section.ElfMachine;
import io.github.wasmaot.format.section.Export;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.SectionKind;
import io.github.wasmaot.format.section.TargetInfo;
import io.github.wasmaot.format.section.init.FuncType;
import io.github.wasmaot.format.section.init.ImportFunc;
import io.github.wasmaot.format.section.init.ImportGlobal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code wasm-aot inspect} shows: who wrote the image, for which ISA, its sections, functions, exports,
 * imports and relocations. Plain records, ready for JSON.
 */
public record ImageSummary(String fileName, int size, long aotVersion, String family, String profile,
                           String isa, String arch, int binType, boolean is64Bit, Long featureFlags,
                           List<SectionSummary> sections, List<FunctionSummary> functions,
                           List<ExportSummary> exports, List<ImportSummary> imports,
                           List<RelocationGroupSummary> relocations, List<String> objectDataSections) {
    public ImageSummary {
        sections = List.copyOf(sections);
        functions = List.copyOf(functions);
        exports = List.copyOf(exports);
        imports = List.copyOf(imports);
        relocations = List.copyOf(relocations);
        objectDataSections = List.copyOf(objectDataSections);
    }

    /** Reads and summarizes an image; the file name is used in error messages. */
    public static ImageSummary inspect(byte[] image, String fileName) throws AotFormatException {
        return of(AotReader.read(image, fileName), image.length);
    }

    public static ImageSummary of(AotImage image, int size) {
        TargetInfo t = image.targetInfo();
        InitDataSection init = image.initData();
        String family = ProfileCatalog.builtIn().familyOf(image.profile()).map(ProfileFamily::label)
                .orElse(image.profile().name());
        String isa = ElfMachine.of(t.eMachine()).map(ElfMachine::isa).orElse("e_machine " + t.eMachine());

        List<SectionSummary> sections = new ArrayList<>();
        for (PlacedSection p : image.sections()) {
            sections.add(new SectionSummary(p.id(), p.kind().label(), p.headerOffset(), p.bodyOffset(), p.size()));
        }
        List<FuncType> types = init.funcTypes();
        List<FunctionSummary> functions = new ArrayList<>();
        long firstIndex = init.importFuncs().size();
        List<Long> offsets = image.functions().textOffsets();
        List<Long> typeIndexes = image.functions().typeIndexes();
        for (int i = 0; i < offsets.size(); i++) {
            long ti = typeIndexes.get(i);
            String sig = ti < types.size() ? ValueTypes.signature(types.get((int) ti)) : "?";
            functions.add(new FunctionSummary(firstIndex + i, ti, sig, offsets.get(i)));
        }
        List<ExportSummary> exports = new ArrayList<>();
        for (Export e : image.exports().exports()) {
            exports.add(new ExportSummary(e.name().text(), e.kindName(), e.index()));
        }
        List<ImportSummary> imports = new ArrayList<>();
        for (ImportFunc f : init.importFuncs()) {
            String sig = f.typeIndex() < types.size() ? ValueTypes.signature(types.get(f.typeIndex())) : "?";
            imports.add(new ImportSummary("func", f.moduleName().text(), f.functionName().text(), sig));
        }
        for (ImportGlobal g : init.importGlobals()) {
            imports.add(new ImportSummary("global", g.moduleName().text(), g.globalName().text(),
                    (g.mutable() != 0 ? "mut " : "") + ValueTypes.name(g.valueType())));
        }
        Optional<IsaSupport> support = image.profile().loaderFacts().map(LoaderFacts::isas)
                .flatMap(m -> Optional.ofNullable(m.get(isa)));
        List<RelocationGroupSummary> relocations = new ArrayList<>();
        for (RelocationGroup g : image.relocations().groups()) {
            Map<String, Integer> byKind = new TreeMap<>();
            for (Relocation r : g.relocations()) {
                String kind = support.flatMap(s -> s.relocation(r.type())).map(RelocationKind::name)
                        .orElse("type " + r.type());
                byKind.merge(kind, 1, Integer::sum);
            }
            relocations.add(new RelocationGroupSummary(g.name().text(), g.relocations().size(), byKind));
        }
        List<String> data = init.objectDataSections().stream().map(d -> d.name().text() + " (" + d.data().length
                + " bytes)").toList();
        return new ImageSummary(image.fileName(), size, image.version(), family, image.profile().name(), isa,
                t.archName(), t.binType(), t.is64Bit(),
                t.featureFlags().isPresent() ? t.featureFlags().getAsLong() : null, sections, functions, exports,
                imports, relocations, data);
    }

    /** Section summary by kind, if present. */
    public Optional<SectionSummary> section(SectionKind kind) {
        return sections.stream().filter(s -> s.id() == kind.id()).findFirst();
    }
}
