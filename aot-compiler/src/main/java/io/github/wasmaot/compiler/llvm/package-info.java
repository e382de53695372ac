/**
 * The LLVM binding glue: native initialisation, target machine, pass pipeline, object emission.
 */
package io.github.wasmaot.compiler.llvm;
