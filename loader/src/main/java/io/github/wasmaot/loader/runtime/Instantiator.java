package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.facts.IsaSupport;
import io.github.wasmaot.format.facts.LoaderFacts;
import io.github.wasmaot.format.profile.runtime.GlobalDataLayout;
import io.github.wasmaot.format.profile.runtime.ModuleInstanceStruct;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.init.Global;
import io.github.wasmaot.format.section.init.MemInitData;
import io.github.wasmaot.loader.LoaderException;
import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.HostFunction;
import io.github.wasmaot.loader.backend.Protection;
import io.github.wasmaot.loader.host.HostImports;
import io.github.wasmaot.loader.image.CodeLinker;
import io.github.wasmaot.loader.image.LinkedCode;
import io.github.wasmaot.loader.layout.RuntimeLayout;
import io.github.wasmaot.loader.wasi.WasiConfig;
import io.github.wasmaot.loader.wasi.WasiPreview1;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds a module instance in a backend as the profile's aot_instantiate does: linear memory (with iwasm's
 * app heap), the AOTModuleInstance with its memory instance, global data and tables inline, func_ptrs and
 * func_type_indexes arrays, an exec_env, relocated code; then data and element segments are applied.
 * The start function is run by the caller.
 */
public final class Instantiator {
    /** Bytes reserved for AOTModuleInstanceExtra (stack_sizes ... shared_heap, 40 bytes), when the runtime has one. */
    private static final int EXTRA_SIZE = 64;
    /**
     * Largest module instance (struct, global data, tables inline) the loader builds: 64 MiB, tables of about
     * eight million elements; an image asking for more is refused quickly rather than filled element by element.
     */
    private static final long MAX_INSTANCE_SIZE = 64L << 20;

    private Instantiator() {
    }

    public static InstanceParts instantiate(AotImage image, LoaderFacts facts, IsaSupport isa, RuntimeLayout layout,
                                            Backend backend, long heapSize, WasiConfig wasiConfig,
                                            HostImports hostImports)
            throws LoaderException {
        InitDataSection init = image.initData();
        requireSupported(init);
        ModuleInstanceStruct mi = layout.moduleInstance();

        Optional<MemoryPlan> plan = init.memories().isEmpty() ? Optional.empty()
                : Optional.of(MemoryPlan.of(init.memories().get(0), heapSize, init.aux()));
        Optional<LinearMemory> memory;
        try {
            memory = plan.map(p -> new LinearMemory(backend, layout.memoryInstance(), layout.moduleTypeAot(), p));
        } catch (RuntimeException e) {
            // the backend could not map the initial pages (the image asks for more than the host gives)
            throw new LoaderException("allocate linear memory failed (" + plan.get().dataSize() + " bytes): "
                    + e.getMessage(), e);
        }
        int memorySize = memory.isPresent() ? layout.memoryInstance().size() : 0;
        List<Long> imported = ImportedGlobals.values(init.importGlobals(), hostImports);
        ConstantInitializer constants = new ConstantInitializer(imported);
        List<Integer> globalTypes = new ArrayList<>();
        init.importGlobals().forEach(g -> globalTypes.add(g.valueType()));
        init.globals().forEach(g -> globalTypes.add(g.valueType()));
        GlobalDataLayout globals = GlobalDataLayout.of(globalTypes);
        int importCount = init.importGlobals().size();
        long globalData = mi.globalTableData() + memorySize;
        long tablesOffset = globalData + globals.size();
        TableImages tables = TableImages.place(layout.tableInstance(), init.tables(), tablesOffset);
        long extraOffset = (tables.end() + 7) & ~7L;
        long structSize = extraOffset + (mi.extra().isPresent() ? EXTRA_SIZE : 0);

        long inst = mapInstance(backend, structSize);
        long memoryInstance = inst + mi.globalTableData();
        ExceptionBuffer exception = new ExceptionBuffer(backend, inst + mi.curException(), mi.curExceptionLength());
        WasiPreview1 wasi = new WasiPreview1(wasiConfig, exception::set);
        ImportLinker imports = new ImportLinker(backend, init, memory, exception, wasi, hostImports,
                layout.exceptionUnwinds(), (table, elem) -> tables.element(backend, inst, table, elem));
        ExceptionRaiser raiser = new ExceptionRaiser(backend, exception, layout.exceptionUnwinds());
        Map<String, HostFunction> helpers = new LinkedHashMap<>(
                RuntimeHelpers.forInstance(backend, exception, raiser, memory, memoryInstance));
        helpers.putAll(SegmentHelpers.forInstance(backend, raiser, tables, inst, memory,
                SegmentRules.forProfile(layout.profile()), init, constants));
        helpers.putAll(imports.helpers());
        LinkedCode code = new CodeLinker(backend, facts, isa, helpers).link(image);

        List<Long> funcPtrs = new ArrayList<>(imports.importEntries());
        funcPtrs.addAll(code.functions());
        // func_ptrs and func_type_indexes cover imports then defined functions (init_func_ptrs,
        // init_func_type_indexes in aot_runtime.c)
        List<Long> typeIndexes = new ArrayList<>();
        init.importFuncs().forEach(f -> typeIndexes.add((long) f.typeIndex()));
        typeIndexes.addAll(image.functions().typeIndexes());
        long funcPtrArray = writeArray(backend, funcPtrs, 8);
        long typeIndexArray = writeArray(backend, typeIndexes, 4);
        long memoriesArray = writeArray(backend, memory.isPresent() ? List.of(memoryInstance) : List.of(), 8);

        StructImage s = new StructImage((int) structSize);
        s.u32(mi.moduleType(), layout.moduleTypeAot());
        s.u32(mi.memoryCount(), memory.isPresent() ? 1 : 0);
        s.u64(mi.memories(), memoriesArray);
        s.u32(mi.globalDataSize(), globals.size());
        s.u32(mi.tableCount(), init.tables().size());
        s.u64(mi.globalData(), inst + globalData);
        s.u64(mi.tables(), inst + tablesOffset);
        s.u64(mi.funcPtrs(), funcPtrArray);
        s.u64(mi.funcTypeIndexes(), typeIndexArray);
        if (mi.extra().isPresent()) {
            s.u64(mi.extra().getAsInt(), inst + extraOffset);
            // AOTModuleInstanceExtra.stack_sizes (offset 0) = the .aot_stack_sizes data section
            s.u64(extraOffset, code.dataSection(".aot_stack_sizes").orElse(0L));
        }
        memory.ifPresent(m -> m.fill(s, mi.globalTableData()));
        for (int i = 0; i < importCount; i++) {
            int width = GlobalDataLayout.width(init.importGlobals().get(i).valueType());
            s.uint(globalData + globals.offsets().get(i), width, imported.get(i));
        }
        for (int i = 0; i < init.globals().size(); i++) {
            Global g = init.globals().get(i);
            long bits = constants.bits(g.init(), "global " + (importCount + i));
            int width = GlobalDataLayout.width(g.valueType());
            long at = globalData + globals.offsets().get(importCount + i);
            if (width == 16) {
                throw new LoaderException("global " + i + ": v128 globals are not supported by the loader yet");
            }
            s.uint(at, width, bits);
        }
        OptionalLong heapBase = plan.map(MemoryPlan::heapBase).orElse(OptionalLong.empty());
        if (heapBase.isPresent()) {
            // aot_runtime.c memory_instantiate: "Adjust __heap_base global value"
            int g = (int) init.aux().heapBaseGlobalIndex();
            s.u32(globalData + globals.offsets().get(g), heapBase.getAsLong());
        }
        tables.fill(s, init, funcPtrs.size(), constants);
        backend.write(inst, s.bytes());

        if (memory.isPresent()) {
            applyDataSegments(init, memory.get(), constants);
        }
        long execEnv = ExecEnvBuilder.build(backend, layout.execEnv(), inst, init.aux());
        List<GlobalSlot> globalSlots = new ArrayList<>();
        for (int i = 0; i < globalTypes.size(); i++) {
            boolean mutable = i < importCount ? init.importGlobals().get(i).mutable() != 0
                    : init.globals().get(i - importCount).mutable() != 0;
            globalSlots.add(new GlobalSlot(inst + globalData + globals.offsets().get(i), globalTypes.get(i), mutable));
        }
        return new InstanceParts(backend, layout, inst, execEnv, memory, code, funcPtrs, exception, wasi,
                List.copyOf(globalSlots), imports.wasmSignatureEntries());
    }

    /**
     * The module instance with its tables inline: aot_instantiate's runtime_malloc of the same total, which
     * fails with "allocate memory failed" when an image asks for tables larger than memory.
     */
    private static long mapInstance(Backend backend, long structSize) throws LoaderException {
        String failed = "allocate memory failed (module instance with its tables: " + structSize + " bytes)";
        if (structSize > MAX_INSTANCE_SIZE) {
            throw new LoaderException(failed);
        }
        try {
            return backend.map(structSize, Protection.READ_WRITE);
        } catch (RuntimeException e) {
            throw new LoaderException(failed + ": " + e.getMessage(), e);
        }
    }

    /** Maps and fills an array of {@code width}-byte integers; returns its address. */
    private static long writeArray(Backend backend, List<Long> values, int width) {
        long address = backend.map(Math.max(width, (long) width * values.size()), Protection.READ_WRITE);
        StructImage array = new StructImage(width * values.size());
        for (int i = 0; i < values.size(); i++) {
            array.uint((long) width * i, width, values.get(i));
        }
        backend.write(address, array.bytes());
        return address;
    }

    private static void requireSupported(InitDataSection init) throws LoaderException {
        if (init.importMemoryCount() > 0 || !init.importTables().isEmpty()) {
            throw new LoaderException("imported memories and tables are not supported by the loader yet");
        }
        if (init.memories().size() > 1) {
            throw new LoaderException("multiple memories are not supported by the loader yet");
        }
    }

    private static void applyDataSegments(InitDataSection init, LinearMemory memory, ConstantInitializer constants)
            throws LoaderException {
        for (MemInitData seg : init.memInitData()) {
            if (seg.isPassive() != 0) {
                continue;
            }
            long offset = constants.offset(seg.offset(), "data segment offset");
            byte[] bytes = seg.bytes();
            if (offset + bytes.length > memory.dataSize()) {
                throw new LoaderException("data segment does not fit");
            }
            memory.write(offset, bytes);
        }
    }
}
