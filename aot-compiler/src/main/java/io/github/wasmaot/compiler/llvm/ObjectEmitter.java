package io.github.wasmaot.compiler.llvm;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.compiler.CompileException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.llvm.LLVM.LLVMMemoryBufferRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMPassBuilderOptionsRef;
import org.bytedeco.llvm.LLVM.LLVMTargetDataRef;
import org.bytedeco.llvm.LLVM.LLVMTargetMachineRef;
import org.bytedeco.llvm.LLVM.LLVMTargetRef;

/** Verifies an LLVM module, runs the optimisation pipeline and emits an ELF object for the target. */
public final class ObjectEmitter {
    private ObjectEmitter() {
    }

    public static byte[] emit(LLVMModuleRef module, CodegenTarget target) {
        BytePointer error = new BytePointer();
        if (LLVMVerifyModule(module, LLVMReturnStatusAction, error) != 0) {
            String msg = error.getString();
            LLVMDisposeMessage(error);
            throw new CompileException("internal error: generated LLVM IR is invalid: " + msg);
        }
        LLVMDisposeMessage(error);
        String triple = target.isaData().triple();
        LLVMSetTarget(module, triple);
        LLVMTargetMachineRef tm = createMachine(target);
        try {
            LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(tm);
            LLVMSetModuleDataLayout(module, layout);
            LLVMDisposeTargetData(layout);
            LLVMPassBuilderOptionsRef options = LLVMCreatePassBuilderOptions();
            try {
                String pipeline = "default<O" + target.optLevel() + ">";
                var err = LLVMRunPasses(module, pipeline, tm, options);
                if (err != null && !err.isNull()) {
                    BytePointer m = LLVMGetErrorMessage(err);
                    String text = m.getString();
                    LLVMDisposeErrorMessage(m);
                    throw new CompileException("LLVM pass pipeline failed: " + text);
                }
            } finally {
                LLVMDisposePassBuilderOptions(options);
            }
            dumpIr(module);
            return emitObject(module, tm);
        } finally {
            LLVMDisposeTargetMachine(tm);
        }
    }

    /**
     * A development aid: with {@code -Dwasm-aot.dump-ir=DIR} the optimised IR of each LLVM module goes to
     * {@code DIR/<module>-<first function>.ll}, to compare with {@code wamrc --format=llvmir-opt}.
     */
    private static void dumpIr(LLVMModuleRef module) {
        String dir = System.getProperty("wasm-aot.dump-ir");
        if (dir == null || dir.isEmpty()) {
            return;
        }
        var first = LLVMGetFirstFunction(module);
        String name = first == null || first.isNull() ? "empty" : LLVMGetValueName(first).getString();
        String file = dir + "/" + name.replace('#', '_') + ".ll";
        BytePointer error = new BytePointer();
        if (LLVMPrintModuleToFile(module, file, error) != 0) {
            String msg = error.getString();
            LLVMDisposeMessage(error);
            throw new CompileException("could not write " + file + ": " + msg);
        }
    }

    private static LLVMTargetMachineRef createMachine(CodegenTarget target) {
        String triple = target.isaData().triple();
        LLVMTargetRef t = new LLVMTargetRef();
        BytePointer error = new BytePointer();
        if (LLVMGetTargetFromTriple(new BytePointer(triple), t, error) != 0) {
            String msg = error.getString();
            LLVMDisposeMessage(error);
            throw new CompileException("LLVM has no target for " + triple + ": " + msg);
        }
        int level = switch (target.optLevel()) {
            case 0 -> LLVMCodeGenLevelNone;
            case 1 -> LLVMCodeGenLevelLess;
            case 2 -> LLVMCodeGenLevelDefault;
            default -> LLVMCodeGenLevelAggressive;
        };
        return LLVMCreateTargetMachine(t, triple, target.cpu(), target.cpuFeatures(), level,
                LLVMRelocStatic, codeModel(target.codeModel()));
    }

    private static int codeModel(String name) {
        return switch (name) {
            case "small" -> LLVMCodeModelSmall;
            case "medium" -> LLVMCodeModelMedium;
            case "large" -> LLVMCodeModelLarge;
            case "kernel" -> LLVMCodeModelKernel;
            default -> throw new CompileException("unknown code model \"" + name + "\"");
        };
    }

    private static byte[] emitObject(LLVMModuleRef module, LLVMTargetMachineRef tm) {
        PointerPointer<LLVMMemoryBufferRef> out = new PointerPointer<>(1);
        BytePointer error = new BytePointer();
        if (LLVMTargetMachineEmitToMemoryBuffer(tm, module, LLVMObjectFile, error, out) != 0) {
            String msg = error.getString();
            LLVMDisposeMessage(error);
            throw new CompileException("LLVM could not emit the object: " + msg);
        }
        LLVMMemoryBufferRef buf = out.get(LLVMMemoryBufferRef.class, 0);
        try {
            int size = (int) LLVMGetBufferSize(buf);
            byte[] bytes = new byte[size];
            LLVMGetBufferStart(buf).capacity(size).get(bytes);
            return bytes;
        } finally {
            LLVMDisposeMemoryBuffer(buf);
        }
    }
}
