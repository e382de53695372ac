/**
 * WebAssembly to LLVM IR in the AOT ABI of the pinned runtime: {@code aot_func#N (exec_env, params...)},
 * runtime state read at the offsets of the profile's codegen data, traps through {@code aot_set_exception_with_id}.
 */
package io.github.wasmaot.compiler.codegen;
