package io.github.wasmaot.compiler.codegen;

import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** A function the code can call, with the function type LLVM needs at every call site. */
record Callee(LLVMValueRef function, LLVMTypeRef type) {
}
