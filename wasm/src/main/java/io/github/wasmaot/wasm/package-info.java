/**
 * The WebAssembly front end: {@link io.github.wasmaot.wasm.decode.ModuleDecoder#decode(byte[])} turns
 * a binary into a {@link io.github.wasmaot.wasm.model.WasmModule} (or throws
 * {@link io.github.wasmaot.wasm.MalformedModuleException}), and
 * {@link io.github.wasmaot.wasm.validate.ModuleValidator#validate} checks it (or throws
 * {@link io.github.wasmaot.wasm.InvalidModuleException}). Both errors are
 * {@link io.github.wasmaot.wasm.WasmException}s carrying the byte offset.
 */
package io.github.wasmaot.wasm;
