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
import org.bytedeco.llvm.LLVM.LLVMMetadataRef;
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
    private final int tbaaKind;
    private final LLVMValueRef linearMemoryTag;
    private final LLVMValueRef runtimeTag;

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
        this.tbaaKind = LLVMGetMDKindIDInContext(ctx, "tbaa", 4);
        LLVMMetadataRef root = node(string("wasm-aot"));
        this.linearMemoryTag = accessTag(root, "wasm linear memory");
        this.runtimeTag = accessTag(root, "wamr runtime structures");
    }

    /**
     * Type-based alias information: an access to linear memory never touches the runtime fields that wasm code
     * reads (exec_env's module instance and argv buffer, the memory instance's base, size and page count, table
     * sizes and elements, the function pointer and type index arrays, the exception flag), and the other way
     * round: the two are sibling scalar types under one root, so LLVM may keep such a field in a register
     * across stores to linear memory (calls still clobber everything). Linear memory is the runtime's own mapping
     * of the memory's bytes, disjoint from every runtime structure at both pinned revisions. What wasm code writes
     * in the runtime's structures (globals, table elements) stays untagged, so LLVM keeps those writes in order
     * with linear-memory accesses: a guard-page trap still finds every earlier {@code global.set} done.
     */
    LLVMValueRef linearMemoryAccess(LLVMValueRef loadOrStore) {
        LLVMSetMetadata(loadOrStore, tbaaKind, linearMemoryTag);
        return loadOrStore;
    }

    /** Marks a load of a runtime structure field that wasm code never writes (see {@link #linearMemoryAccess}). */
    LLVMValueRef runtimeAccess(LLVMValueRef loadOrStore) {
        LLVMSetMetadata(loadOrStore, tbaaKind, runtimeTag);
        return loadOrStore;
    }

    private LLVMValueRef accessTag(LLVMMetadataRef root, String typeName) {
        LLVMMetadataRef zero = LLVMValueAsMetadata(LLVMConstInt(types.i64, 0, 0));
        LLVMMetadataRef type = node(string(typeName), root, zero);
        return LLVMMetadataAsValue(ctx, node(type, type, zero));
    }

    private LLVMMetadataRef string(String s) {
        return LLVMMDStringInContext2(ctx, s, s.length());
    }

    private LLVMMetadataRef node(LLVMMetadataRef... operands) {
        return LLVMMDNodeInContext2(ctx, Llvm.array(operands), operands.length);
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
