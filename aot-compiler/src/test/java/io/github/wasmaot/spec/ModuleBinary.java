package io.github.wasmaot.spec;

import io.github.wasmaot.wasm.model.WasmModule;
import java.nio.file.Path;

/** A spec-test module handed to an executor: its file, its bytes and the front end's decoding of it. */
public record ModuleBinary(Path file, byte[] bytes, WasmModule decoded) {
}
