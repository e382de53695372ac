package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.format.profile.CodegenData;
import io.github.wasmaot.format.profile.runtime.GlobalDataLayout;
import io.github.wasmaot.compiler.llvm.Llvm;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/** Module-wide translation state: the LLVM module, its builder and types, the declared functions. */
final class ModuleContext {
    final String moduleName;
    final WasmModule wasm;
    final CodegenTarget target;
    final LLVMContextRef ctx;
    final LLVMModuleRef module;
    final LLVMBuilderRef builder;
    final LlvmTypes types;
    final GlobalDataLayout globals;
    final TableLayout tables;
    /** Which defined functions may move the linear memory while they run (see {@link MemoryEffects}). */
    final MemoryEffects memoryEffects;
    /** Memory instances the runtime creates before the global data (wamrc always declares at least one). */
    final int memoryInstanceCount;
    /** How a defined function is declared on first use (this partition's own ones are declared up front). */
    private final IntFunction<Callee> declareDefined;
    private final Map<Integer, Callee> definedFunctions = new HashMap<>();
    private final Map<String, Callee> declared = new HashMap<>();

    ModuleContext(String moduleName, WasmModule wasm, CodegenTarget target, LLVMContextRef ctx,
                  LLVMModuleRef module, LLVMBuilderRef builder, LlvmTypes types, IntFunction<Callee> declareDefined,
                  MemoryEffects memoryEffects) {
        this.moduleName = moduleName;
        this.wasm = wasm;
        this.target = target;
        this.ctx = ctx;
        this.module = module;
        this.builder = builder;
        this.types = types;
        this.globals = GlobalDataLayout.of(wasm.allGlobals().stream().map(g -> g.valType().code()).toList());
        this.tables = TableLayout.of(wasm, target);
        this.memoryInstanceCount = Math.max(1, wasm.allMemories().size());
        this.declareDefined = declareDefined;
        this.memoryEffects = memoryEffects;
    }

    /**
     * Where type-based alias information between linear memory and the runtime's structures would go. Left empty:
     * with the memory base held in registers (see {@link RuntimeAccess#cacheMemory}) TBAA tags measured no further
     * gain on the kernels, and with them the legacy x86_64 spec cell's linking cases behaved differently (see
     * docs/codegen-notes.md), so nothing is tagged.
     */
    LLVMValueRef linearMemoryAccess(LLVMValueRef loadOrStore) {
        return loadOrStore;
    }

    /** See {@link #linearMemoryAccess}: untagged. */
    LLVMValueRef runtimeAccess(LLVMValueRef loadOrStore) {
        return loadOrStore;
    }

    /**
     * The {@code aot_func#N} of defined function {@code definedIndex}, declared in this LLVM module on first use:
     * a function of another partition stays a declaration, and the call becomes a relocation against its symbol.
     */
    Callee definedFunction(int definedIndex) {
        return definedFunctions.computeIfAbsent(definedIndex, declareDefined::apply);
    }

    /** An external function (runtime helper or LLVM intrinsic), declared once. */
    Callee external(String name, LLVMTypeRef ret, LLVMTypeRef... params) {
        return declared.computeIfAbsent(name, n -> {
            LLVMTypeRef type = types.function(ret, params);
            LLVMValueRef fn = LLVMGetNamedFunction(module, n);
            if (fn == null || fn.isNull()) {
                fn = LLVMAddFunction(module, n, type);
            }
            return new Callee(fn, type);
        });
    }

    /**
     * A runtime helper the profile names for {@code purpose} (e.g. "table.grow"), declared once; a clear error
     * when the profile names none.
     */
    Callee runtimeHelper(String name, String purpose, LLVMTypeRef ret, LLVMTypeRef... params) {
        if (name == null) {
            throw new CompileException("profile " + target.profile().name() + " names no runtime helper for "
                    + purpose);
        }
        return external(name, ret, params);
    }

    /** How the profile's runtime helpers take the arguments whose width differs between revisions. */
    CodegenData.HelperArgs helperArgs() {
        CodegenData.HelperArgs args = target.data().helperArgs();
        if (args == null) {
            throw new CompileException("profile " + target.profile().name()
                    + " has no codegen.helperArgs: cannot call the table and bulk-memory helpers");
        }
        return args;
    }

    /** An i32 constant holding {@code value} as unsigned (indexes, segment numbers). */
    LLVMValueRef constI32(int value) {
        return LLVMConstInt(types.i32, Integer.toUnsignedLong(value), 0);
    }

    LLVMValueRef call(Callee callee, LLVMValueRef... args) {
        return LLVMBuildCall2(builder, callee.type(), callee.function(),
                Llvm.array(args), args.length, "");
    }

    /** Calls an LLVM intrinsic overloaded on {@code type}, e.g. {@code llvm.ctpop.i32}. */
    LLVMValueRef intrinsic(String base, LLVMTypeRef ret, LLVMTypeRef[] params, LLVMValueRef... args) {
        return call(external(base, ret, params), args);
    }
}
