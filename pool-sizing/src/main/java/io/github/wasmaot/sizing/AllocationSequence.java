package io.github.wasmaot.sizing;

import io.github.wasmaot.format.AotImage;
import io.github.wasmaot.format.section.AotString;
import io.github.wasmaot.format.section.Export;
import io.github.wasmaot.format.section.InitDataSection;
import io.github.wasmaot.format.section.Relocation;
import io.github.wasmaot.format.section.RelocationGroup;
import io.github.wasmaot.format.section.init.FuncType;
import io.github.wasmaot.format.section.init.Global;
import io.github.wasmaot.format.section.init.ImportFunc;
import io.github.wasmaot.format.section.init.ImportGlobal;
import io.github.wasmaot.format.section.init.MemInitData;
import io.github.wasmaot.format.section.init.ObjectDataSection;
import io.github.wasmaot.format.section.init.Table;
import io.github.wasmaot.format.section.init.TableInitData;
import io.github.wasmaot.format.sizing.PoolSizingFacts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pool allocations {@code wasm_runtime_load}, {@code wasm_runtime_instantiate} and
 * {@code wasm_runtime_create_exec_env} make for an image, in the runtime's order, derived from the image's contents
 * and the profile's struct sizes ({@link PoolSizingFacts#struct}), replayed on {@link EmsHeap}. The order and
 * causes were read off aot_loader.c / aot_runtime.c and a traced run of the real runtime (docs/pool-sizing.md):
 * module struct, string set (cba4c782), one header per image section (freed at the end of load), memories, data
 * segments (copied on cba4c782), tables and element segments, function types, globals, imports, object data
 * sections, function pointer and type index arrays, exports, relocation symbol offsets (2.4), groups and
 * relocations (freed at the end of load), then the instance, the app heap's allocator struct, function pointers, export
 * function instances, the WASI context and fd table, and the exec env (struct + wasm stack, frame buffer).
 */
final class AllocationSequence {
    private final PoolSizingFacts facts;
    private final EmsHeap heap;
    private final Map<String, Long> reach = new LinkedHashMap<>();
    private final Set<String> strings = new HashSet<>();
    private final Map<String, List<Long>> held = new HashMap<>();

    private final String isa;

    private final String configuration;

    private AllocationSequence(PoolSizingFacts facts, String isa, String configuration) {
        this.facts = facts;
        this.isa = isa;
        this.configuration = configuration;
        this.heap = new EmsHeap(facts.allocator());
    }

    /**
     * A struct's bytes: {@code name@configuration} where the build configuration changes the layout (the exec env
     * keeps signal-handler state only with hardware bound checks), {@code name@isa} where the ISA's does (pthread
     * mutex size), else {@code name}.
     */
    private long s(String name) {
        return facts.struct(name + "@" + configuration).or(() -> facts.struct(name + "@" + isa))
                .or(() -> facts.struct(name)).orElse(0L);
    }

    private boolean has(String name) {
        return facts.struct(name).isPresent();
    }

    /** Requested sizes in order, with {@code -1} for each free (for comparing with a recorded trace). */
    final List<Long> requests = new ArrayList<>();

    private long m(long bytes) {
        requests.add(bytes);
        return heap.malloc(bytes);
    }

    private void f(long address) {
        requests.add(-1L);
        heap.free(address);
    }

    private void keep(String group, long address) {
        held.computeIfAbsent(group, k -> new ArrayList<>()).add(address);
    }

    private void freeAll(String group) {
        for (long a : held.getOrDefault(group, List.of())) {
            f(a);
        }
        held.remove(group);
    }

    /** cba4c782 interns names in a hash set: a copy per lookup, kept with a node when new, freed when known. */
    private void str(AotString name) {
        if (!has("constStringNode") || name == null) {
            return;
        }
        long copy = m(name.length() + 1L);
        if (strings.add(new String(name.raw(), StandardCharsets.ISO_8859_1))) {
            m(s("constStringNode"));
        } else {
            f(copy);
        }
    }

    static long valueBytes(int valueType) {
        return switch (valueType) {
            case 0x7E, 0x7C -> 8; // i64, f64
            case 0x7B -> 16; // v128
            default -> 4;
        };
    }

    /**
     * Pool bytes each stage needs ({@code load}, {@code instantiate}, {@code exec_env}): the heap struct plus how far
     * the allocations reach, {@code heapStructBytes} already holding the runtime's init allocations.
     */
    static Map<String, Long> stages(AotImage image, PoolSizingFacts facts, String isa, String configuration,
                                    long stack, long appHeap,
                                    long linearInPool, Wasi wasi, boolean runsStart) {
        return run(image, facts, isa, configuration, stack, appHeap, linearInPool, wasi, runsStart).stagePools();
    }

    static AllocationSequence run(AotImage image, PoolSizingFacts facts, String isa, String configuration,
                                  long stack, long appHeap,
                                  long linearInPool,
                                  Wasi wasi, boolean runsStart) {
        AllocationSequence q = new AllocationSequence(facts, isa, configuration);
        q.load(image);
        q.reach.put("load", q.heap.highWater());
        q.instantiate(image, stack, appHeap, linearInPool, wasi, runsStart);
        q.reach.put("instantiate", q.heap.highWater());
        q.execEnv(stack);
        q.reach.put("exec_env", q.heap.highWater());
        return q;
    }

    private Map<String, Long> stagePools() {
        AllocationSequence q = this;
        Map<String, Long> out = new LinkedHashMap<>();
        long base = facts.allocator().heapStructBytes();
        q.reach.forEach((k, v) -> out.put(k, base + v));
        return out;
    }

    private void load(AotImage image) {
        InitDataSection init = image.initData();
        m(s("module"));
        if (has("constStringMap")) {
            m(s("constStringMap"));
        }
        for (int i = 0; i < image.sections().size(); i++) {
            keep("sections", m(s("section")));
        }
        long memories = init.importMemoryCount() + init.memories().size();
        if (memories > 0) {
            m(s("memory") * memories);
        }
        List<MemInitData> data = init.memInitData();
        if (!data.isEmpty()) {
            m(8L * data.size());
            for (MemInitData d : data) {
                m(s("memInitData") + s("memInitDataCopiesBytes") * d.bytes().length);
            }
        }
        long tables = init.importTables().size() + init.tables().size();
        if (tables > 0) {
            m(s("table") * tables);
        }
        List<TableInitData> elems = init.tableInitData();
        if (!elems.isEmpty()) {
            m(8L * elems.size());
            for (TableInitData t : elems) {
                m(s("tableInitData") + s("tableInitDataPerElem") * t.values().size());
            }
        }
        List<FuncType> types = init.funcTypes();
        if (!types.isEmpty()) {
            m(8L * types.size());
            for (FuncType t : types) {
                m(s("funcType") + t.paramCount() + t.resultCount());
            }
        }
        List<ImportGlobal> importGlobals = init.importGlobals();
        if (!importGlobals.isEmpty()) {
            m(s("importGlobal") * importGlobals.size());
            for (ImportGlobal g : importGlobals) {
                str(g.moduleName());
                str(g.globalName());
            }
        }
        if (!init.globals().isEmpty()) {
            m(s("global") * init.globals().size());
        }
        List<ImportFunc> imports = init.importFuncs();
        if (!imports.isEmpty()) {
            m(s("importFunc") * imports.size());
            for (ImportFunc f : imports) {
                str(f.moduleName());
                str(f.functionName());
            }
        }
        List<ObjectDataSection> objects = init.objectDataSections();
        if (!objects.isEmpty()) {
            m(s("objectDataSection") * objects.size());
            for (ObjectDataSection o : objects) {
                str(o.name());
            }
        }
        long funcs = init.funcCount();
        if (funcs > 0) {
            m(8L * funcs);
            m(4L * funcs);
        }
        List<Export> exports = image.exports().exports();
        if (!exports.isEmpty()) {
            m(s("export") * exports.size());
            for (Export e : exports) {
                str(e.name());
            }
        }
        var rel = image.relocations();
        if (has("symbolOffset") && !rel.symbols().isEmpty()) {
            keep("relocations", m(s("symbolOffset") * rel.symbols().size()));
        }
        List<RelocationGroup> groups = rel.groups();
        if (!groups.isEmpty()) {
            long g = m(s("relocationGroup") * groups.size());
            for (RelocationGroup group : groups) {
                str(group.name());
                keep("relocations", m(s("relocation") * group.relocations().size()));
                for (Relocation r : group.relocations()) {
                    str(r.symbol());
                }
            }
            keep("relocations", g);
        }
        freeAll("relocations");
        freeAll("sections");
    }

    /** What the host passes to {@code wasm_runtime_set_wasi_args}: argv, environment strings, preopened dirs. */
    record Wasi(List<String> args, List<String> env, List<String> dirs) {
        Wasi {
            args = List.copyOf(args);
            env = List.copyOf(env);
            dirs = List.copyOf(dirs);
        }
    }

    private void instantiate(AotImage image, long stack, long appHeap, long linearInPool,
                             Wasi wasi, boolean runsStart) {
        InitDataSection init = image.initData();
        long globalData = 0;
        for (ImportGlobal g : init.importGlobals()) {
            globalData += valueBytes(g.valueType());
        }
        for (Global g : init.globals()) {
            globalData += valueBytes(g.valueType());
        }
        long align = Math.max(1, s("globalDataAlign"));
        globalData = (globalData + align - 1) / align * align;
        long tableData = 0;
        for (Table t : init.tables()) {
            long slots = t.possibleGrow() != 0 ? t.maxSize() : t.initSize();
            tableData += s("tableInstance") + s("tableElem") * slots;
        }
        m(s("moduleInstance") + globalData + tableData);
        long allFuncs = init.importFuncs().size() + init.funcCount();
        if (has("bitmap")) { // 2.4: type indexes first, then dropped-segment bitmaps
            if (allFuncs > 0) {
                m(4L * allFuncs);
            }
            if (!init.memInitData().isEmpty()) { // dropped data segments
                m(s("bitmap") + (init.memInitData().size() + 7) / 8);
            }
            if (!init.tableInitData().isEmpty()) { // dropped element segments
                m(s("bitmap") + (init.tableInitData().size() + 7) / 8);
            }
            long tables = init.importTables().size() + init.tables().size();
            if (tables > 0) {
                m(8L * tables);
            }
        }
        long memories = init.importMemoryCount() + init.memories().size();
        m(8L * Math.max(1, memories));
        if (linearInPool > 0) { // no-hw-bound-check on cba4c782: linear memory with the app heap (its ems struct inside)
            m(linearInPool);
        }
        if (appHeap > 0) { // the app heap's own gc_heap_t (mem_allocator_get_heap_struct_size), in the pool
            m(s("appHeapStruct"));
        }
        if (allFuncs > 0) {
            m(8L * allFuncs);
            if (!has("bitmap")) {
                m(4L * allFuncs);
            }
        }
        long exportFuncs = image.exports().exports().stream().filter(e -> e.kind() == 0).count();
        if (exportFuncs > 0) {
            m(s("functionInstance") * exportFuncs);
        }
        wasi(wasi, linearInPool); // libc-wasi builds set up a WASI context for every instance
        if (runsStart) {
            long env = m(s("execEnv") + stack);
            long frames = m(s("execEnvFrames"));
            if (has("startFreesFrames")) {
                f(frames);
            }
            f(env);
        }
    }

    private static long stringBytes(List<String> strings) {
        long bytes = 0;
        for (String a : strings) {
            bytes += a.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return bytes;
    }

    /**
     * {@code wasm_runtime_init_wasi} (wasm_runtime_common.c) and libc-wasi's posix.c: the context; argv and the
     * environment each as a pointer array and one buffer of the strings (2.4 {@code copy_string_array}: always a
     * NULL-terminated array, the buffer only when there are bytes; cba4c782: neither when empty); the fd table,
     * prestats and argv/environ structs; then stdin, stdout, stderr and every preopened directory inserted in
     * turn: an fd object each, the fd table doubling ({@code fd_table_grow}: to more than the fd and at least
     * twice the used entries + 1, old table freed), and per directory the prestat table growing the same way
     * (its {@code used} is never counted, so only the fd bounds it), then the prestat's copy of the path as the
     * host passed it ({@code bh_strdup}; a traced run of both runtimes shows it in the pool).
     */
    private void wasi(Wasi w, long linearInPool) {
        m(s("wasiContext"));
        if (s("wasiStopsWithoutMemoryData") != 0 && linearInPool == 0) {
            // cba4c782 wasm_runtime_init_wasi returns right after the context when memory_data is NULL, which it is
            // when linear memory comes from the pool and has no bytes (no memory and no app heap)
            return;
        }
        boolean copies = has("wasiArgvCopy"); // 2.4 copy_string_array: NULL-terminated pointer arrays
        stringArray(w.args(), copies);
        stringArray(w.env(), copies);
        m(s("wasiCurfds"));
        m(s("wasiPrestats"));
        m(s("wasiArgvEnviron"));
        if (has("wasiAddrPool")) {
            m(s("wasiAddrPool"));
        }
        long fdObject = s("wasiFdObject");
        long fdEntry = s("wasiFdEntry");
        long prestatEntry = s("wasiPrestatEntry");
        long tableSize = 0;
        long used = 0;
        long table = -1;
        long prestatSize = 0;
        long prestats = -1;
        int fds = 3 + w.dirs().size();
        for (int fd = 0; fd < fds; fd++) {
            m(fdObject); // fd_object_new, before the table grows
            long size = grownSize(tableSize, fd, (used + 1) * 2L);
            if (size != tableSize) {
                long t = m(fdEntry * size);
                if (table >= 0) {
                    f(table);
                }
                table = t;
                tableSize = size;
            }
            used++;
            if (fd >= 3) { // fd_prestats_insert: grow to more than the fd (used stays 0)
                long grown = grownSize(prestatSize, fd, 2);
                if (grown != prestatSize) {
                    long p = m(prestatEntry * grown);
                    if (prestats >= 0) {
                        f(prestats);
                    }
                    prestats = p;
                    prestatSize = grown;
                }
                m(w.dirs().get(fd - 3).getBytes(StandardCharsets.UTF_8).length + 1L);
            }
        }
        if (copies) {
            m(8); // the (empty) NULL-terminated ns-lookup pool copy
        }
    }

    /** argv or environ: a pointer array, then one buffer holding the strings. */
    private void stringArray(List<String> strings, boolean nullTerminated) {
        long bytes = stringBytes(strings);
        if (nullTerminated) {
            m(8L * (strings.size() + 1));
        } else if (!strings.isEmpty()) {
            m(8L * strings.size());
        }
        if (bytes > 0) {
            m(bytes);
        }
    }

    private void execEnv(long stack) {
        m(s("execEnv") + stack);
        m(s("execEnvFrames"));
    }

    /**
     * The size libc-wasi's fd table and prestat table grow to so that index {@code fd} fits and there are at least
     * {@code minimum} entries: doubling from the current size (1 when empty); the current size when both hold.
     */
    static long grownSize(long current, int fd, long minimum) {
        if (current > fd && current >= minimum) {
            return current;
        }
        long size = current == 0 ? 1 : current;
        while (size <= fd || size < minimum) {
            size *= 2;
        }
        return size;
    }
}
