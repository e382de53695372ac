package io.github.wasmaot.compiler.image;

import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.codegen.ModuleTranslator.CompiledObject;
import io.github.wasmaot.compiler.elf.ElfObject;
import io.github.wasmaot.compiler.elf.ElfSection;
import io.github.wasmaot.compiler.elf.ElfSymbol;
import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.section.Export;
import io.github.wasmaot.format.section.ExportSection;
import io.github.wasmaot.format.section.FunctionSection;
import io.github.wasmaot.format.section.PlacedSection;
import io.github.wasmaot.format.section.Section;
import io.github.wasmaot.format.section.TargetInfo;
import io.github.wasmaot.format.section.TextSection;
import io.github.wasmaot.format.section.init.ObjectDataSection;
import io.github.wasmaot.wasm.model.ExportDescriptor;
import io.github.wasmaot.wasm.model.WasmModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Turns the emitted ELF object plus the module's metadata into the AOT image the profile's loader reads. */
public final class AotImageBuilder {
    private static final int ELF_TYPE_RELOCATABLE = 1;

    private AotImageBuilder() {
    }

    public static AotImage build(String fileName, String moduleName, WasmModule wasm, CompiledObject compiled,
                                 CodegenTarget target) {
        ElfObject object = compiled.object();
        ObjectLayout layout = ObjectLayout.of(object);
        AotStrings strings = new AotStrings(target.data().stringsIncludeNul());
        List<ObjectDataSection> objectData = new ArrayList<>();
        for (ElfSection s : layout.data()) {
            objectData.add(new ObjectDataSection(strings.of(s.name()), ObjectLayout.bytesOf(s)));
        }
        List<Section> bodies = List.of(
                targetInfo(object, target),
                InitDataBuilder.build(moduleName, wasm, target, objectData, strings),
                TextSection.codeAligned(layout.text().data(), layout.text().align()),
                functions(object, layout, wasm, compiled, target),
                exports(wasm, strings),
                RelocationBuilder.build(object, layout, strings));
        List<PlacedSection> placed = new ArrayList<>();
        for (Section body : bodies) {
            placed.add(new PlacedSection(body.kind().id(), 0, 0, body));
        }
        return new AotImage(fileName, AotImage.MAGIC, target.profile().aotVersion(), target.profile(), placed);
    }

    private static TargetInfo targetInfo(ElfObject object, CodegenTarget target) {
        byte[] arch = new byte[TargetInfo.ARCH_LENGTH];
        byte[] name = target.isaData().arch().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, arch, 0, Math.min(name.length, arch.length - 1));
        int binType = 2; // 64-bit little endian: the only class ElfReader accepts
        OptionalLong featureFlags = target.profile().hasFeatureFlags() ? OptionalLong.of(0) : OptionalLong.empty();
        return new TargetInfo(binType, 0, ELF_TYPE_RELOCATABLE, object.machine(), object.version(), object.flags(),
                featureFlags, 0, arch);
    }

    private static FunctionSection functions(ElfObject object, ObjectLayout layout, WasmModule wasm,
                                             CompiledObject compiled, CodegenTarget target) {
        List<Long> offsets = new ArrayList<>();
        List<Long> typeIndexes = new ArrayList<>();
        String prefix = target.data().functionSymbolPrefix();
        Map<String, ElfSymbol> byName = new HashMap<>();
        for (ElfSymbol s : object.symbols()) {
            byName.putIfAbsent(s.name(), s);
        }
        for (int i = 0; i < wasm.functions().size(); i++) {
            String symbol = prefix + i;
            ElfSymbol sym = byName.get(symbol);
            if (sym == null) {
                throw new CompileException("internal error: " + symbol + " missing from the object");
            }
            if (sym.sectionIndex() != layout.text().index()) {
                throw new CompileException("internal error: " + symbol + " is not in .text");
            }
            offsets.add(sym.value());
            typeIndexes.add(Integer.toUnsignedLong(wasm.functions().get(i)));
        }
        boolean cells = target.data().functionCellNums();
        List<Long> locals = cells ? compiled.maxLocalCells().stream().map(Integer::longValue).toList() : List.of();
        List<Long> stacks = cells ? compiled.maxStackCells().stream().map(Integer::longValue).toList() : List.of();
        return new FunctionSection(offsets, typeIndexes, locals, stacks);
    }

    private static ExportSection exports(WasmModule wasm, AotStrings strings) {
        List<Export> out = new ArrayList<>();
        for (io.github.wasmaot.wasm.model.Export e : wasm.exports()) {
            ExportDescriptor d = e.descriptor();
            int kind = d instanceof ExportDescriptor.Function ? 0
                    : d instanceof ExportDescriptor.Table ? 1
                    : d instanceof ExportDescriptor.Memory ? 2 : 3;
            out.add(new Export(Integer.toUnsignedLong(e.descriptor().index()), kind, strings.of(e.name())));
        }
        return new ExportSection(out);
    }
}
