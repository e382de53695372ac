/** Binary-format decoding: LEB128 and names ({@link io.github.wasmaot.wasm.decode.WasmReader}), sections, instructions. */
package io.github.wasmaot.wasm.decode;
