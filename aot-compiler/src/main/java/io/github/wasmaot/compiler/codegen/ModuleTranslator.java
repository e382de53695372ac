package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.CompileProgress;
import io.github.wasmaot.compiler.llvm.LlvmNatives;
import io.github.wasmaot.compiler.llvm.ObjectEmitter;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMAttributeRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Translates a validated module into one LLVM module (one {@code aot_func#N} per defined function, with the
 * AOT ABI {@code (exec_env, params...)}) and emits it as an ELF object for the target.
 */
public final class ModuleTranslator {
    private ModuleTranslator() {
    }

    /** The emitted object and, per defined function, WAMR's cell numbers. */
    public record CompiledObject(byte[] elf, List<Integer> maxLocalCells, List<Integer> maxStackCells) {
        public CompiledObject {
            elf = elf.clone();
            maxLocalCells = List.copyOf(maxLocalCells);
            maxStackCells = List.copyOf(maxStackCells);
        }

        @Override
        public byte[] elf() {
            return elf.clone();
        }
    }

    public static CompiledObject compile(String moduleName, WasmModule wasm, CodegenTarget target) {
        return compile(moduleName, wasm, target, CompileProgress.NONE);
    }

    /** As {@link #compile(String, WasmModule, CodegenTarget)}, telling {@code progress} how far it is. */
    public static CompiledObject compile(String moduleName, WasmModule wasm, CodegenTarget target,
                                         CompileProgress progress) {
        checkModuleFeatures(moduleName, wasm);
        LlvmNatives.ensureInitialized();
        LLVMContextRef ctx = LLVMContextCreate();
        LLVMModuleRef module = LLVMModuleCreateWithNameInContext(moduleName, ctx);
        LLVMBuilderRef builder = LLVMCreateBuilderInContext(ctx);
        try {
            LlvmTypes types = new LlvmTypes(ctx);
            List<Callee> functions = declareFunctions(wasm, target, ctx, module, types);
            ModuleContext mc = new ModuleContext(moduleName, wasm, target, ctx, module, builder, types, functions);
            List<Integer> locals = new ArrayList<>();
            List<Integer> stacks = new ArrayList<>();
            int total = wasm.code().size();
            progress.started(total);
            for (int i = 0; i < total; i++) {
                FunctionTranslator.CellCounts cells = new FunctionTranslator(mc, i).translate();
                locals.add(cells.maxLocalCells());
                stacks.add(cells.maxStackCells());
                progress.functionsTranslated(i + 1, total);
            }
            progress.emittingObject();
            byte[] elf = ObjectEmitter.emit(module, target);
            progress.objectEmitted(elf.length);
            return new CompiledObject(elf, locals, stacks);
        } finally {
            LLVMDisposeBuilder(builder);
            LLVMDisposeModule(module);
            LLVMContextDispose(ctx);
        }
    }

    private static List<Callee> declareFunctions(WasmModule wasm, CodegenTarget target, LLVMContextRef ctx,
                                                 LLVMModuleRef module, LlvmTypes types) {
        LLVMAttributeRef nounwind = LLVMCreateEnumAttribute(ctx, LLVMGetEnumAttributeKindForName("nounwind", 8), 0);
        List<Callee> out = new ArrayList<>();
        for (int i = 0; i < wasm.functions().size(); i++) {
            FuncType ft = wasm.types().get(wasm.functions().get(i));
            LLVMTypeRef type = types.function(ft);
            LLVMValueRef fn = LLVMAddFunction(module, target.data().functionSymbolPrefix() + i, type);
            LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, nounwind);
            for (String libcall : target.data().missingLibcalls()) {
                String key = "no-builtin-" + libcall;
                LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                        LLVMCreateStringAttribute(ctx, key, key.length(), "", 0));
            }
            if (!target.isaData().tailCalls()) {
                String key = "disable-tail-calls";
                LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                        LLVMCreateStringAttribute(ctx, key, key.length(), "true", 4));
            }
            out.add(new Callee(fn, type));
        }
        return out;
    }

    /**
     * What the runtime cannot run in AOT whatever the code: more than one memory (neither pinned runtime's AOT
     * loader has multi-memory). Imported tables and memories are fine: wamrc writes them as defined ones and
     * the runtime instantiates them as its own.
     */
    private static void checkModuleFeatures(String moduleName, WasmModule wasm) {
        if (wasm.allMemories().size() > 1) {
            throw new CompileException(moduleName + ": more than one memory is not supported");
        }
    }
}
