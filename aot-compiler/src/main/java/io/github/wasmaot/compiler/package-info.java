/**
 * WebAssembly to WAMR AOT images for one pinned runtime profile and ISA: {@link io.github.wasmaot.compiler.AotCompiler}
 * decodes, validates, translates to LLVM IR following the runtime's AOT ABI (from the profile's codegen data),
 * emits an ELF object, builds the image and verifies it before anything is written.
 */
package io.github.wasmaot.compiler;
