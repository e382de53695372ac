package io.github.wasmaot.wasm.validate;

import io.github.wasmaot.wasm.InvalidModuleException;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.ConstantExpression;
import io.github.wasmaot.wasm.model.DataMode;
import io.github.wasmaot.wasm.model.ElementMode;
import io.github.wasmaot.wasm.model.ElementSegment;
import io.github.wasmaot.wasm.model.Export;
import io.github.wasmaot.wasm.model.ExportDescriptor;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.Global;
import io.github.wasmaot.wasm.model.Import;
import io.github.wasmaot.wasm.model.ImportDescriptor;
import io.github.wasmaot.wasm.model.Limits;
import io.github.wasmaot.wasm.model.Memory;
import io.github.wasmaot.wasm.model.MemoryType;
import io.github.wasmaot.wasm.model.StartFunction;
import io.github.wasmaot.wasm.model.Table;
import io.github.wasmaot.wasm.model.TableType;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.DataSegment;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a decoded module (MVP, sign-extension, non-trapping float-to-int, multi-value,
 * mutable globals, bulk memory, reference types). Throws {@link InvalidModuleException}.
 */
public final class ModuleValidator {

    private static final long MAX_MEMORY_PAGES = 65536;

    private final WasmModule module;

    private ModuleValidator(WasmModule module) {
        this.module = module;
    }

    public static void validate(WasmModule module) {
        new ModuleValidator(module).run();
    }

    private void run() {
        List<FuncType> functionTypes = functionTypes();
        List<TableType> tables = module.allTables();
        List<MemoryType> memories = module.allMemories();
        for (Import i : module.imports()) {
            if (i.descriptor() instanceof ImportDescriptor.Table t) {
                checkLimits(t.type().limits(), 0xffff_ffffL, "table size", i.offset());
            } else if (i.descriptor() instanceof ImportDescriptor.Memory m) {
                checkMemory(m.type(), i.offset());
            }
        }
        for (Table t : module.tables()) {
            checkLimits(t.type().limits(), 0xffff_ffffL, "table size", t.offset());
        }
        for (Memory m : module.memories()) {
            checkMemory(m.type(), m.offset());
        }
        if (memories.size() > 1) {
            throw InvalidModuleException.unsupported("multi-memory", "multiple memories", "a second memory ("
                    + memories.size() + " memories, imported and defined)", secondMemoryOffset());
        }
        List<ValType> elementTypes = module.elements().stream().map(ElementSegment::type).toList();
        int dataCount = module.dataCount().orElse(module.data().size());
        Set<Integer> declared = declaredReferences();
        // constant expressions only see imported globals (the spec's context C')
        ValidationContext constantContext = new ValidationContext(module.types(), functionTypes, tables, memories,
                module.importedGlobals(), elementTypes, dataCount, declared);
        for (Global g : module.globals()) {
            constant(g.init(), g.type().valType(), constantContext);
        }
        elements(constantContext);
        data(constantContext);
        ValidationContext context = new ValidationContext(module.types(), functionTypes, tables, memories,
                module.allGlobals(), elementTypes, dataCount, declared);
        start(context);
        exports(context);
        int imported = module.importedFunctionCount();
        for (int i = 0; i < module.code().size(); i++) {
            FunctionValidator.validate(context, imported + i, functionTypes.get(imported + i), module.code().get(i));
        }
    }

    private int secondMemoryOffset() {
        List<Integer> offsets = new ArrayList<>();
        for (Import i : module.imports()) {
            if (i.descriptor() instanceof ImportDescriptor.Memory) {
                offsets.add(i.offset());
            }
        }
        module.memories().forEach(m -> offsets.add(m.offset()));
        return offsets.get(1);
    }

    private List<FuncType> functionTypes() {
        List<FuncType> result = new ArrayList<>();
        for (Import i : module.imports()) {
            if (i.descriptor() instanceof ImportDescriptor.Function f) {
                result.add(type(f.typeIndex(), i.offset()));
            }
        }
        for (int i = 0; i < module.functions().size(); i++) {
            result.add(type(module.functions().get(i), module.code().get(i).offset()));
        }
        return result;
    }

    private FuncType type(int index, int offset) {
        if (Integer.compareUnsigned(index, module.types().size()) >= 0) {
            throw new InvalidModuleException("unknown type " + Integer.toUnsignedString(index), offset);
        }
        return module.types().get(index);
    }

    private static void checkMemory(MemoryType m, int offset) {
        checkLimits(m.limits(), MAX_MEMORY_PAGES, "memory size must be at most 65536 pages (4GiB)", offset);
    }

    private static void checkLimits(Limits limits, long range, String rangeMessage, int offset) {
        if (limits.min() > range || limits.max().orElse(0) > range) {
            throw new InvalidModuleException(rangeMessage, offset);
        }
        if (limits.max().isPresent() && limits.min() > limits.max().getAsLong()) {
            throw new InvalidModuleException("size minimum must not be greater than maximum", offset);
        }
    }

    /** Function indices that {@code ref.func} may use in code: those referenced outside functions. */
    private Set<Integer> declaredReferences() {
        Set<Integer> refs = new HashSet<>();
        for (Global g : module.globals()) {
            collectReferences(g.init(), refs);
        }
        for (ElementSegment e : module.elements()) {
            e.init().forEach(expr -> collectReferences(expr, refs));
        }
        for (Export e : module.exports()) {
            if (e.descriptor() instanceof ExportDescriptor.Function f) {
                refs.add(f.index());
            }
        }
        return refs;
    }

    private static void collectReferences(ConstantExpression expression, Set<Integer> refs) {
        for (Instruction in : expression.instructions()) {
            if (in.opcode() == Opcode.REF_FUNC) {
                refs.add(in.index());
            }
        }
    }

    private void constant(ConstantExpression e, ValType type, ValidationContext context) {
        ConstantExpressionValidator.validate(e, type, context, module.allGlobals().size());
    }

    private void elements(ValidationContext context) {
        for (ElementSegment segment : module.elements()) {
            for (ConstantExpression e : segment.init()) {
                constant(e, segment.type(), context);
            }
            if (segment.mode() instanceof ElementMode.Active active) {
                TableType table = at(segment.offset(), () -> context.table(active.tableIndex()));
                if (table.elementType() != segment.type()) {
                    throw new InvalidModuleException("type mismatch: element segment of " + segment.type()
                            + " for a table of " + table.elementType(), segment.offset());
                }
                constant(active.offset(), ValType.I32, context);
            }
        }
    }

    private void data(ValidationContext context) {
        for (DataSegment segment : module.data()) {
            if (segment.mode() instanceof DataMode.Active active) {
                at(segment.offset(), () -> context.memory(active.memoryIndex()));
                constant(active.offset(), ValType.I32, context);
            }
        }
    }

    private void start(ValidationContext context) {
        if (module.start().isPresent()) {
            StartFunction start = module.start().get();
            FuncType type = at(start.offset(), () -> context.function(start.functionIndex()));
            if (!type.params().isEmpty() || !type.results().isEmpty()) {
                throw new InvalidModuleException("start function must have type [] -> []", start.offset());
            }
        }
    }

    private void exports(ValidationContext context) {
        Set<String> names = new HashSet<>();
        for (Export e : module.exports()) {
            ExportDescriptor d = e.descriptor();
            at(e.offset(), () -> {
                if (d instanceof ExportDescriptor.Function) {
                    return context.function(d.index());
                } else if (d instanceof ExportDescriptor.Table) {
                    return context.table(d.index());
                } else if (d instanceof ExportDescriptor.Memory) {
                    return context.memory(d.index());
                }
                return context.global(d.index());
            });
            if (!names.add(e.name())) {
                throw new InvalidModuleException("duplicate export name", e.offset());
            }
        }
    }

    private static <T> T at(int offset, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationFailure f) {
            throw new InvalidModuleException(f.getMessage(), offset);
        }
    }
}
