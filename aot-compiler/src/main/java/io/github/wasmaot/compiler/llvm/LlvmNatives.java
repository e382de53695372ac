package io.github.wasmaot.compiler.llvm;

import static org.bytedeco.llvm.global.LLVM.LLVMInitializeAArch64AsmPrinter;
import static org.bytedeco.llvm.global.LLVM.LLVMInitializeAArch64Target;
import static org.bytedeco.llvm.global.LLVM.LLVMInitializeAArch64TargetInfo;
import static org.bytedeco.llvm.global.LLVM.LLVMInitializeAArch64TargetMC;
import static org.bytedeco.llvm.global.LLVM.LLVMInitializeX86AsmPrinter;
import static org.bytedeco.llvm.global.LLVM.LLVMInitializeX86Target;
import static org.bytedeco.llvm.global.LLVM.LLVMInitializeX86TargetInfo;
import static org.bytedeco.llvm.global.LLVM.LLVMInitializeX86TargetMC;

/** Loads libLLVM and registers the x86 and AArch64 back ends, once per JVM. */
public final class LlvmNatives {
    private static boolean initialized;

    private LlvmNatives() {
    }

    public static synchronized void ensureInitialized() {
        if (initialized) {
            return;
        }
        LLVMInitializeX86TargetInfo();
        LLVMInitializeX86Target();
        LLVMInitializeX86TargetMC();
        LLVMInitializeX86AsmPrinter();
        LLVMInitializeAArch64TargetInfo();
        LLVMInitializeAArch64Target();
        LLVMInitializeAArch64TargetMC();
        LLVMInitializeAArch64AsmPrinter();
        initialized = true;
    }
}
