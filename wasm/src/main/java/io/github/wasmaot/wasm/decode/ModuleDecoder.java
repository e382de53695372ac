package io.github.wasmaot.wasm.decode;

import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.UnsupportedFeatureException;
import io.github.wasmaot.wasm.model.CustomSection;
import io.github.wasmaot.wasm.model.DataSegment;
import io.github.wasmaot.wasm.model.ElementSegment;
import io.github.wasmaot.wasm.model.Export;
import io.github.wasmaot.wasm.model.ExportDescriptor;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.FunctionBody;
import io.github.wasmaot.wasm.model.Global;
import io.github.wasmaot.wasm.model.Import;
import io.github.wasmaot.wasm.model.ImportDescriptor;
import io.github.wasmaot.wasm.model.Memory;
import io.github.wasmaot.wasm.model.NameSection;
import io.github.wasmaot.wasm.model.StartFunction;
import io.github.wasmaot.wasm.model.Table;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Decodes a WebAssembly binary into a {@link WasmModule}: header, sections in order (custom
 * sections anywhere), exact section sizes, function/code and data-count/data consistency.
 * Decoding does not validate; use {@code ModuleValidator} on the result.
 */
public final class ModuleDecoder {

    private static final int MAGIC = 0x6d736100;
    private static final int VERSION = 1;
    /** Section id of the exception-handling proposal's tags. */
    private static final int TAG_SECTION = 13;
    /** Import and export kind of a tag (exception-handling proposal). */
    private static final int TAG_KIND = 4;

    private final WasmReader reader;
    private final List<FuncType> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Integer> functions = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Memory> memories = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();
    private Optional<StartFunction> start = Optional.empty();
    private final List<ElementSegment> elements = new ArrayList<>();
    private OptionalInt dataCount = OptionalInt.empty();
    private final List<FunctionBody> code = new ArrayList<>();
    private final List<DataSegment> data = new ArrayList<>();
    private final List<CustomSection> customSections = new ArrayList<>();
    private Optional<NameSection> names = Optional.empty();
    private int firstDataUse = -1;

    private ModuleDecoder(byte[] bytes) {
        this.reader = new WasmReader(bytes);
    }

    /** Decodes {@code bytes}; throws {@link MalformedModuleException} if they are not a module. */
    public static WasmModule decode(byte[] bytes) {
        return new ModuleDecoder(bytes).module();
    }

    private WasmModule module() {
        header();
        SectionId last = null;
        while (!reader.atLimit()) {
            int at = reader.position();
            int idByte = reader.u8();
            SectionId id = SectionId.of(idByte);
            if (id == null) {
                if (idByte == TAG_SECTION) {
                    throw new UnsupportedFeatureException("exception handling", "malformed section id",
                            "tag section (id 13)", at);
                }
                throw new MalformedModuleException("malformed section id", at);
            }
            if (id != SectionId.CUSTOM) {
                if (last != null && id.ordinal() <= last.ordinal()) {
                    throw new MalformedModuleException("unexpected content after last section", at);
                }
                last = id;
            }
            long size = reader.u32();
            int contentStart = reader.position();
            if (size > reader.remaining()) {
                throw new MalformedModuleException("length out of bounds", contentStart);
            }
            int end = contentStart + (int) size;
            int outer = reader.enter(end);
            section(id, at);
            if (reader.position() != end) {
                throw new MalformedModuleException("section size mismatch", reader.position());
            }
            reader.leave(outer);
        }
        if (functions.size() != code.size()) {
            throw new MalformedModuleException("function and code section have inconsistent lengths",
                    reader.position());
        }
        if (dataCount.isEmpty() && !data.isEmpty() && firstDataUse >= 0) {
            throw new MalformedModuleException("data count section required", firstDataUse);
        }
        if (dataCount.isPresent() && dataCount.getAsInt() != data.size()) {
            throw new MalformedModuleException("data count and data section have inconsistent lengths",
                    reader.position());
        }
        return new WasmModule(types, imports, functions, tables, memories, globals, exports, start,
                elements, dataCount, code, data, customSections, names);
    }

    private void header() {
        if (reader.f32Bits() != MAGIC) {
            throw new MalformedModuleException("magic header not detected", 0);
        }
        if (reader.f32Bits() != VERSION) {
            throw new MalformedModuleException("unknown binary version", 4);
        }
    }

    private void section(SectionId id, int at) {
        InstructionDecoder instructions = new InstructionDecoder(reader);
        switch (id) {
            case CUSTOM -> custom(at);
            case TYPE -> vector(types, () -> TypeDecoder.functionType(reader));
            case IMPORT -> vector(imports, this::importEntry);
            case FUNCTION -> vector(functions, reader::u32Index);
            case TABLE -> vector(tables, () -> {
                int t = reader.position();
                return new Table(TypeDecoder.tableType(reader), t);
            });
            case MEMORY -> vector(memories, () -> {
                int m = reader.position();
                return new Memory(TypeDecoder.memoryType(reader), m);
            });
            case GLOBAL -> vector(globals, () -> {
                int g = reader.position();
                return new Global(TypeDecoder.globalType(reader), instructions.constantExpression(), g);
            });
            case EXPORT -> vector(exports, this::exportEntry);
            case START -> {
                int s = reader.position();
                start = Optional.of(new StartFunction(reader.u32Index(), s));
            }
            case ELEMENT -> vector(elements, new SegmentDecoder(reader, instructions)::element);
            case DATA_COUNT -> dataCount = OptionalInt.of(reader.u32Index());
            case CODE -> {
                int n = reader.vectorLength();
                if (n != functions.size()) {
                    throw new MalformedModuleException("function and code section have inconsistent lengths", at);
                }
                CodeDecoder decoder = new CodeDecoder(reader, instructions);
                for (int i = 0; i < n; i++) {
                    code.add(decoder.body());
                }
                firstDataUse = instructions.firstDataUse();
            }
            case DATA -> {
                int n = reader.vectorLength();
                if (dataCount.isPresent() && dataCount.getAsInt() != n) {
                    throw new MalformedModuleException(
                            "data count and data section have inconsistent lengths", at);
                }
                SegmentDecoder decoder = new SegmentDecoder(reader, instructions);
                for (int i = 0; i < n; i++) {
                    data.add(decoder.data());
                }
            }
        }
    }

    private <T> void vector(List<T> into, Supplier<T> element) {
        int n = reader.vectorLength();
        for (int i = 0; i < n; i++) {
            into.add(element.get());
        }
    }

    private void custom(int at) {
        String name = reader.name();
        CustomSection section = new CustomSection(name, reader.bytes(reader.remaining()), at);
        customSections.add(section);
        if (name.equals("name") && names.isEmpty()) {
            names = NameSectionDecoder.decode(section.content());
        }
    }

    private Import importEntry() {
        int at = reader.position();
        String module = reader.name();
        String name = reader.name();
        int kindAt = reader.position();
        ImportDescriptor descriptor = switch (reader.u8()) {
            case 0 -> new ImportDescriptor.Function(reader.u32Index());
            case 1 -> new ImportDescriptor.Table(TypeDecoder.tableType(reader));
            case 2 -> new ImportDescriptor.Memory(TypeDecoder.memoryType(reader));
            case 3 -> new ImportDescriptor.Global(TypeDecoder.globalType(reader));
            case TAG_KIND -> throw new UnsupportedFeatureException("exception handling", "malformed import kind",
                    "tag import (kind 4)", kindAt);
            default -> throw new MalformedModuleException("malformed import kind", kindAt);
        };
        return new Import(module, name, descriptor, at);
    }

    private Export exportEntry() {
        int at = reader.position();
        String name = reader.name();
        int kindAt = reader.position();
        int kind = reader.u8();
        if (kind == TAG_KIND) {
            throw new UnsupportedFeatureException("exception handling", "malformed export kind",
                    "tag export (kind 4)", kindAt);
        }
        int index = reader.u32Index();
        ExportDescriptor descriptor = switch (kind) {
            case 0 -> new ExportDescriptor.Function(index);
            case 1 -> new ExportDescriptor.Table(index);
            case 2 -> new ExportDescriptor.Memory(index);
            case 3 -> new ExportDescriptor.Global(index);
            default -> throw new MalformedModuleException("malformed export kind", kindAt);
        };
        return new Export(name, descriptor, at);
    }
}
