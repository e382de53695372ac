package io.github.wasmaot.spec.iwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wasmaot.wasm.decode.ModuleDecoder;
import io.github.wasmaot.wasm.model.Export;
import io.github.wasmaot.wasm.model.ValType;
import io.github.wasmaot.wasm.model.WasmModule;
import io.github.wasmaot.wasm.validate.ModuleValidator;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeInstrumenterTest {

    /** (func (export "add") (param f32 f32) (result f32)) (func (export "id") (param i32) (result i32))
     *  (global (export "g") f64 (f64.const 1)) — hand-assembled. */
    private static byte[] sample() {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(m, 1, new byte[] {2, 0x60, 2, 0x7d, 0x7d, 1, 0x7d, 0x60, 1, 0x7f, 1, 0x7f});
        section(m, 3, new byte[] {2, 0, 1});
        section(m, 6, new byte[] {1, 0x7c, 0, 0x44, 0, 0, 0, 0, 0, 0, (byte) 0xf0, 0x3f, 0x0b});
        section(m, 7, new byte[] {3, 3, 'a', 'd', 'd', 0, 0, 2, 'i', 'd', 0, 1, 1, 'g', 3, 0});
        section(m, 10, new byte[] {2, 7, 0, 0x20, 0, 0x20, 1, (byte) 0x92, 0x0b, 4, 0, 0x20, 0, 0x0b});
        return m.toByteArray();
    }

    private static void section(ByteArrayOutputStream m, int id, byte[] payload) {
        m.write(id);
        Leb128.writeUnsigned(m, payload.length);
        m.writeBytes(payload);
    }

    @Test
    void addsValidProbesForFloatsAndGlobalsOnly() {
        byte[] bytes = sample();
        WasmModule original = ModuleDecoder.decode(bytes);
        InstrumentedModule inst = ProbeInstrumenter.instrument(original, bytes);
        WasmModule probed = ModuleDecoder.decode(inst.bytes());
        ModuleValidator.validate(probed);

        CallPlan add = inst.functions().get("add");
        assertTrue(add.probe());
        assertEquals(List.of(ValType.F32), add.results());
        CallPlan id = inst.functions().get("id");
        assertFalse(id.probe());
        assertEquals("id", id.replName());
        CallPlan g = inst.globals().get("g");
        assertTrue(g.probe());

        List<String> names = probed.exports().stream().map(Export::name).toList();
        assertTrue(names.containsAll(List.of("add", "id", "g", add.replName(), g.replName())));
        assertEquals(original.functionTypeIndices().size() + 2, probed.functionTypeIndices().size());
        int addProbe = probed.exports().stream().filter(e -> e.name().equals(add.replName())).findFirst()
                .orElseThrow().descriptor().index();
        var type = probed.types().get(probed.functionTypeIndices().get(addProbe));
        assertEquals(List.of(ValType.I32, ValType.I32), type.params());
        assertEquals(List.of(ValType.I32), type.results());
    }

    @Test
    void namesTheReplCannotTypeNeedProbes() {
        assertTrue(ProbeInstrumenter.replSafe("i32.add"));
        assertFalse(ProbeInstrumenter.replSafe(""));
        assertFalse(ProbeInstrumenter.replSafe("a b"));
        assertFalse(ProbeInstrumenter.replSafe("a\\b"));
        assertFalse(ProbeInstrumenter.replSafe("__exit__"));
        assertFalse(ProbeInstrumenter.replSafe("\u00e9"));
    }
}
