package io.github.wasmaot.spec.iwasm;

import io.github.wasmaot.wasm.model.Export;
import io.github.wasmaot.wasm.model.ExportDescriptor;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds "probe" exports to a module so every spec action can be typed on iwasm's REPL line and
 * its result read back bit-exactly. iwasm parses arguments with {@code strtoul}/{@code strtof}
 * and prints f32/f64 results with {@code %.7g} (both the legacy and the 2.4 runtime), and its REPL
 * splits the line on spaces, so:
 * <ul>
 *   <li>an exported function whose signature has an f32/f64, or whose name cannot be typed on the
 *   line, gets a probe {@code __wasmaot_fN}: same signature with f32/f64 replaced by i32/i64, whose
 *   body reinterprets the parameters, calls the export and reinterprets the results;</li>
 *   <li>every exported global gets a getter probe {@code __wasmaot_gN} (iwasm cannot read globals).</li>
 * </ul>
 * Other exports are called directly. Probes are appended (new types, functions, bodies, exports),
 * so no existing index changes and the original functions are untouched.
 */
final class ProbeInstrumenter {

    private static final int I32_REINTERPRET_F32 = 0xbc;
    private static final int I64_REINTERPRET_F64 = 0xbd;
    private static final int F32_REINTERPRET_I32 = 0xbe;
    private static final int F64_REINTERPRET_I64 = 0xbf;

    private final WasmModule module;
    private final List<FuncType> types;
    private final List<byte[]> newTypes = new ArrayList<>();
    private final List<byte[]> newFunctions = new ArrayList<>();
    private final List<byte[]> newBodies = new ArrayList<>();
    private final List<byte[]> newExports = new ArrayList<>();
    private final String prefix;
    private final int firstNewFunction;

    private ProbeInstrumenter(WasmModule module) {
        this.module = module;
        this.types = new ArrayList<>(module.types());
        this.firstNewFunction = module.functionTypeIndices().size();
        Set<String> names = module.exports().stream().map(Export::name).collect(Collectors.toSet());
        String p = "__wasmaot_";
        while (startsAny(names, p)) {
            p = "_" + p;
        }
        this.prefix = p;
    }

    private static boolean startsAny(Set<String> names, String p) {
        return names.stream().anyMatch(n -> n.startsWith(p));
    }

    static InstrumentedModule instrument(WasmModule module, byte[] bytes) {
        return new ProbeInstrumenter(module).run(bytes);
    }

    /** Whether iwasm's REPL can take {@code name} as the first word of a line. */
    static boolean replSafe(String name) {
        if (name.isEmpty() || name.equals("__exit__")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c > '~' || c == '\\' || c == '$') {
                return false;
            }
        }
        return true;
    }

    private InstrumentedModule run(byte[] bytes) {
        Map<String, CallPlan> functions = new HashMap<>();
        Map<String, CallPlan> globals = new HashMap<>();
        List<Integer> funcTypes = module.functionTypeIndices();
        for (Export e : module.exports()) {
            if (e.descriptor() instanceof ExportDescriptor.Function f) {
                FuncType type = module.types().get(funcTypes.get(f.index()));
                boolean direct = replSafe(e.name()) && !hasFloat(type.params()) && !hasFloat(type.results());
                String name = direct ? e.name() : addFunctionProbe(f.index(), type);
                functions.put(e.name(), new CallPlan(name, type.params(), type.results(), !direct));
            } else if (e.descriptor() instanceof ExportDescriptor.Global g) {
                ValType t = module.allGlobals().get(g.index()).valType();
                globals.put(e.name(), new CallPlan(addGlobalProbe(g.index(), t), List.of(), List.of(t), true));
            }
        }
        if (newExports.isEmpty()) {
            return new InstrumentedModule(bytes, functions, globals);
        }
        WasmSections sections = WasmSections.split(bytes);
        sections.appendToVector(WasmSections.TYPE, newTypes);
        sections.appendToVector(WasmSections.FUNCTION, newFunctions);
        sections.appendToVector(WasmSections.EXPORT, newExports);
        sections.appendToVector(WasmSections.CODE, newBodies);
        return new InstrumentedModule(sections.toBytes(), functions, globals);
    }

    private String addFunctionProbe(int target, FuncType type) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (int i = 0; i < type.params().size(); i++) {
            code.write(0x20);
            Leb128.writeUnsigned(code, i);
            switch (type.params().get(i)) {
                case F32 -> code.write(F32_REINTERPRET_I32);
                case F64 -> code.write(F64_REINTERPRET_I64);
                default -> {
                }
            }
        }
        code.write(0x10);
        Leb128.writeUnsigned(code, target);
        List<ValType> locals = List.of();
        if (hasFloat(type.results())) {
            locals = type.results();
            int base = type.params().size();
            for (int k = locals.size() - 1; k >= 0; k--) {
                code.write(0x21);
                Leb128.writeUnsigned(code, base + k);
            }
            for (int k = 0; k < locals.size(); k++) {
                code.write(0x20);
                Leb128.writeUnsigned(code, base + k);
                writeToBits(code, locals.get(k));
            }
        }
        FuncType probeType = new FuncType(asBits(type.params()), asBits(type.results()));
        return addProbe("f", probeType, locals, code);
    }

    private String addGlobalProbe(int global, ValType type) {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        code.write(0x23);
        Leb128.writeUnsigned(code, global);
        writeToBits(code, type);
        return addProbe("g", new FuncType(List.of(), asBits(List.of(type))), List.of(), code);
    }

    private static void writeToBits(ByteArrayOutputStream code, ValType t) {
        switch (t) {
            case F32 -> code.write(I32_REINTERPRET_F32);
            case F64 -> code.write(I64_REINTERPRET_F64);
            default -> {
            }
        }
    }

    private String addProbe(String kind, FuncType type, List<ValType> locals, ByteArrayOutputStream code) {
        int functionIndex = firstNewFunction + newFunctions.size();
        String name = prefix + kind + functionIndex;
        newFunctions.add(Leb128.unsigned(typeIndex(type)));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Leb128.writeUnsigned(body, locals.size());
        for (ValType t : locals) {
            body.write(1);
            body.write(t.code());
        }
        body.writeBytes(code.toByteArray());
        body.write(0x0b);
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        Leb128.writeUnsigned(entry, body.size());
        entry.writeBytes(body.toByteArray());
        newBodies.add(entry.toByteArray());
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        Leb128.writeUnsigned(export, utf8.length);
        export.writeBytes(utf8);
        export.write(0x00);
        Leb128.writeUnsigned(export, functionIndex);
        newExports.add(export.toByteArray());
        return name;
    }

    private int typeIndex(FuncType type) {
        int i = types.indexOf(type);
        if (i >= 0) {
            return i;
        }
        types.add(type);
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        t.write(0x60);
        Leb128.writeUnsigned(t, type.params().size());
        type.params().forEach(v -> t.write(v.code()));
        Leb128.writeUnsigned(t, type.results().size());
        type.results().forEach(v -> t.write(v.code()));
        newTypes.add(t.toByteArray());
        return types.size() - 1;
    }

    private static boolean hasFloat(List<ValType> types) {
        return types.contains(ValType.F32) || types.contains(ValType.F64);
    }

    private static List<ValType> asBits(List<ValType> types) {
        return types.stream().map(t -> switch (t) {
            case F32 -> ValType.I32;
            case F64 -> ValType.I64;
            default -> t;
        }).toList();
    }
}
