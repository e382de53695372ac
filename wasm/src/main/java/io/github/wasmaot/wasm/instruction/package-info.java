/** Decoded instructions: opcodes with their immediates and byte offsets, reusable by code generation. */
package io.github.wasmaot.wasm.instruction;
