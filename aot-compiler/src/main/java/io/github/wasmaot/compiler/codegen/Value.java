package io.github.wasmaot.compiler.codegen;

import io.github.wasmaot.wasm.model.ValType;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** An operand-stack entry: the LLVM value and its WebAssembly type. */
record Value(LLVMValueRef ref, ValType type) {
}
