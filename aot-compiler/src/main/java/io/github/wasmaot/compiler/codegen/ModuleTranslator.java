package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.compiler.CodegenTarget;
import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.compiler.CompileProgress;
import io.github.wasmaot.compiler.Parallel;
import io.github.wasmaot.compiler.llvm.LlvmNatives;
import io.github.wasmaot.compiler.elf.ElfObject;
import io.github.wasmaot.compiler.elf.ElfReader;
import io.github.wasmaot.compiler.elf.ObjectLinker;
import io.github.wasmaot.compiler.llvm.ObjectEmitter;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.llvm.LLVM.LLVMAttributeRef;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMContextRef;
import org.bytedeco.llvm.LLVM.LLVMModuleRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Translates a validated module into LLVM IR (one {@code aot_func#N} per defined function, with the AOT ABI
 * {@code (exec_env, params...)}), one LLVM module per partition of the functions, emits each as an ELF object for
 * the target and links the objects into one.
 */
public final class ModuleTranslator {
    private ModuleTranslator() {
    }

    /** The linked object of all partitions and, per defined function, WAMR's cell numbers. */
    public record CompiledObject(ElfObject object, List<Integer> maxLocalCells, List<Integer> maxStackCells) {
        public CompiledObject {
            maxLocalCells = List.copyOf(maxLocalCells);
            maxStackCells = List.copyOf(maxStackCells);
        }
    }

    public static CompiledObject compile(String moduleName, WasmModule wasm, CodegenTarget target) {
        return compile(moduleName, wasm, target, CompileProgress.NONE, 1);
    }

    /**
     * As {@link #compile(String, WasmModule, CodegenTarget)}, telling {@code progress} how far it is, with the
     * partitions ({@link Partitions}) compiled on up to {@code threads} threads. The partitions depend on the module
     * only, and their objects are linked in partition order, so the bytes do not depend on {@code threads}.
     */
    public static CompiledObject compile(String moduleName, WasmModule wasm, CodegenTarget target,
                                         CompileProgress progress, int threads) {
        checkModuleFeatures(moduleName, wasm);
        LlvmNatives.ensureInitialized();
        List<Partitions.Range> ranges = Partitions.of(wasm);
        MemoryEffects effects = MemoryEffects.of(wasm);
        int total = wasm.code().size();
        progress.started(total);
        AtomicInteger translated = new AtomicInteger();
        CompileProgress shared = new CompileProgress() {
            @Override
            public void functionsTranslated(int done, int ignored) {
                synchronized (progress) {
                    progress.functionsTranslated(translated.addAndGet(done), total);
                }
            }
        };
        List<PartitionObject> parts = Parallel.map(ranges, threads,
                r -> compilePartition(moduleName, wasm, target, r, shared, effects));
        progress.emittingObject();
        List<Integer> locals = new ArrayList<>();
        List<Integer> stacks = new ArrayList<>();
        List<ElfObject> objects = new ArrayList<>();
        long bytes = 0;
        for (PartitionObject p : parts) {
            objects.add(p.object());
            locals.addAll(p.locals());
            stacks.addAll(p.stacks());
            bytes += p.elfBytes();
        }
        ElfObject linked = ObjectLinker.link(objects);
        progress.objectEmitted((int) Math.min(Integer.MAX_VALUE, bytes));
        return new CompiledObject(linked, locals, stacks);
    }

    /** One partition's object, read back, and its functions' cell numbers. */
    private record PartitionObject(ElfObject object, List<Integer> locals, List<Integer> stacks, int elfBytes) {
    }

    /**
     * Translates the defined functions of {@code range} into their own LLVM context and module, emits the object and
     * frees everything LLVM held before returning: peak memory follows the partition, not the module.
     */
    private static PartitionObject compilePartition(String moduleName, WasmModule wasm, CodegenTarget target,
                                                    Partitions.Range range, CompileProgress progress,
                                                    MemoryEffects effects) {
        LLVMContextRef ctx = LLVMContextCreate();
        LLVMModuleRef module = LLVMModuleCreateWithNameInContext(moduleName, ctx);
        LLVMBuilderRef builder = LLVMCreateBuilderInContext(ctx);
        try {
            LlvmTypes types = new LlvmTypes(ctx);
            FunctionDeclarer declarer = new FunctionDeclarer(wasm, target, ctx, module, types);
            ModuleContext mc = new ModuleContext(moduleName, wasm, target, ctx, module, builder, types,
                    declarer::declare, effects);
            // this partition's functions first, in order: they are laid out in .text in declaration order
            for (int i = range.from(); i < range.to(); i++) {
                mc.definedFunction(i);
            }
            List<Integer> locals = new ArrayList<>();
            List<Integer> stacks = new ArrayList<>();
            int reported = 0;
            for (int i = range.from(); i < range.to(); i++) {
                FunctionTranslator.CellCounts cells = new FunctionTranslator(mc, i).translate();
                locals.add(cells.maxLocalCells());
                stacks.add(cells.maxStackCells());
                if ((i - range.from()) % 64 == 63) {
                    progress.functionsTranslated(i + 1 - range.from() - reported, 0);
                    reported = i + 1 - range.from();
                }
            }
            progress.functionsTranslated(range.to() - range.from() - reported, 0);
            checkOwnContext(module, ctx);
            byte[] elf = ObjectEmitter.emit(module, target);
            return new PartitionObject(ElfReader.read(elf), locals, stacks, elf.length);
        } finally {
            LLVMDisposeBuilder(builder);
            LLVMDisposeModule(module);
            LLVMContextDispose(ctx);
        }
    }

    /**
     * Fails unless every function and basic block of {@code module} belongs to {@code ctx}. A block made with a
     * global-context call ({@code LLVMAppendBasicBlock}, not {@code ...InContext}) lands in LLVM's process-wide
     * context, whose tables (value handles, metadata) the partitions compiling on other threads then update at the
     * same time: that corrupted LLVM's heap and crashed the JVM in {@code LLVMDisposeModule} on CPython. This turns
     * such a slip into an error on every compile, whatever the thread count.
     */
    static void checkOwnContext(LLVMModuleRef module, LLVMContextRef ctx) {
        long own = ctx.address();
        for (LLVMValueRef fn = LLVMGetFirstFunction(module); fn != null && !fn.isNull();
             fn = LLVMGetNextFunction(fn)) {
            if (LLVMGetTypeContext(LLVMTypeOf(fn)).address() != own) {
                throw new CompileException("internal error: function " + name(fn)
                        + " was created outside its partition's LLVM context");
            }
            for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb != null && !bb.isNull();
                 bb = LLVMGetNextBasicBlock(bb)) {
                if (LLVMGetTypeContext(LLVMTypeOf(LLVMBasicBlockAsValue(bb))).address() != own) {
                    throw new CompileException("internal error: a basic block of " + name(fn)
                            + " was created outside its partition's LLVM context");
                }
            }
        }
    }

    private static String name(LLVMValueRef fn) {
        SizeTPointer length = new SizeTPointer(1);
        return LLVMGetValueName2(fn, length).getString();
    }

    /** Declares {@code aot_func#N} with the attributes every defined function carries. */
    private static final class FunctionDeclarer {
        private final WasmModule wasm;
        private final CodegenTarget target;
        private final LLVMContextRef ctx;
        private final LLVMModuleRef module;
        private final LlvmTypes types;
        private final LLVMAttributeRef nounwind;
        /** {@code "tune-cpu"}, where the target tunes for another processor than its CPU; else null. */
        private final LLVMAttributeRef tuneCpu;

        FunctionDeclarer(WasmModule wasm, CodegenTarget target, LLVMContextRef ctx, LLVMModuleRef module,
                         LlvmTypes types) {
            this.wasm = wasm;
            this.target = target;
            this.ctx = ctx;
            this.module = module;
            this.types = types;
            this.nounwind = LLVMCreateEnumAttribute(ctx, LLVMGetEnumAttributeKindForName("nounwind", 8), 0);
            String tune = target.tuneCpu();
            this.tuneCpu = tune == null ? null
                    : LLVMCreateStringAttribute(ctx, "tune-cpu", "tune-cpu".length(), tune, tune.length());
        }

        Callee declare(int i) {
            FuncType ft = wasm.types().get(wasm.functions().get(i));
            LLVMTypeRef type = types.function(ft);
            LLVMValueRef fn = LLVMAddFunction(module, target.data().functionSymbolPrefix() + i, type);
            LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, nounwind);
            if (tuneCpu != null) {
                LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex, tuneCpu);
            }
            for (String libcall : target.data().missingLibcalls()) {
                String key = "no-builtin-" + libcall;
                LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                        LLVMCreateStringAttribute(ctx, key, key.length(), "", 0));
            }
            // without the exception check after each call, a call in tail position could become a jump, and
            // runaway recursion an endless loop instead of the stack overflow the runtime reports
            if (!target.isaData().tailCalls() || RuntimeAccess.unwinds(target)) {
                String key = "disable-tail-calls";
                LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                        LLVMCreateStringAttribute(ctx, key, key.length(), "true", 4));
            }
            return new Callee(fn, type);
        }
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
