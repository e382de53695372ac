/**
 * A small reader for the relocatable ELF64 objects LLVM emits: sections, symbols, RELA relocations.
 */
package io.github.wasmaot.compiler.elf;
