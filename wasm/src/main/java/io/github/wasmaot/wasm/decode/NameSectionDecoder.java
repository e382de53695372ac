package io.github.wasmaot.wasm.decode;

import io.github.wasmaot.wasm.MalformedModuleException;
import io.github.wasmaot.wasm.model.NameSection;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes the {@code name} custom section (module, function and local names). Per the spec a
 * malformed name section does not make the module malformed: the result is then empty.
 */
final class NameSectionDecoder {

    private static final int MODULE_NAMES = 0;
    private static final int FUNCTION_NAMES = 1;
    private static final int LOCAL_NAMES = 2;

    private NameSectionDecoder() {
    }

    static Optional<NameSection> decode(ByteBuffer content) {
        byte[] bytes = new byte[content.remaining()];
        content.duplicate().get(bytes);
        WasmReader r = new WasmReader(bytes);
        try {
            Optional<String> moduleName = Optional.empty();
            Map<Integer, String> functions = new HashMap<>();
            Map<Integer, Map<Integer, String>> locals = new HashMap<>();
            while (!r.atLimit()) {
                int id = r.u8();
                long size = r.u32();
                if (size > r.remaining()) {
                    return Optional.empty();
                }
                int end = r.position() + (int) size;
                switch (id) {
                    case MODULE_NAMES -> moduleName = Optional.of(r.name());
                    case FUNCTION_NAMES -> functions = nameMap(r);
                    case LOCAL_NAMES -> {
                        int n = r.vectorLength();
                        for (int i = 0; i < n; i++) {
                            int function = r.u32Index();
                            locals.put(function, nameMap(r));
                        }
                    }
                    default -> r.bytes(size);
                }
                if (r.position() != end) {
                    return Optional.empty();
                }
            }
            return Optional.of(new NameSection(moduleName, functions, locals));
        } catch (MalformedModuleException e) {
            return Optional.empty();
        }
    }

    private static Map<Integer, String> nameMap(WasmReader r) {
        int n = r.vectorLength();
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int index = r.u32Index();
            names.put(index, r.name());
        }
        return names;
    }
}
