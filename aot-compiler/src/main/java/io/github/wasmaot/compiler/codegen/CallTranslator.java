package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.compiler.llvm.Llvm;
import io.github.wasmaot.wasm.model.ValType;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMTypeRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * {@code call} and {@code call_indirect}. Callees get the caller's exec_env first; after each call the
 * caller returns at once if the runtime's exception is set (not where the runtime unwinds instead, see
 * {@link RuntimeAccess#exceptionsUnwind()}: then, as wamrc does, nothing is checked). Indirect calls check, in wamrc's order: index
 * within the table ("undefined element"), element set ("uninitialized element"), callee type
 * ("indirect call type mismatch", the runtime's text for that id), then call through {@code func_ptrs}, or, for an
 * element naming an import, through the runtime's {@code aot_call_indirect} as wamrc does.
 */
final class CallTranslator {
    private final ModuleContext mc;
    private final LLVMBuilderRef b;
    private final OperandStack stack;
    private final RuntimeAccess runtime;
    private final LLVMValueRef function;
    private final int functionIndex;
    private final List<LLVMValueRef> extraResults = new ArrayList<>();

    CallTranslator(ModuleContext mc, OperandStack stack, RuntimeAccess runtime, LLVMValueRef function,
                   int functionIndex) {
        this.mc = mc;
        this.b = mc.builder;
        this.stack = stack;
        this.runtime = runtime;
        this.function = function;
        this.functionIndex = functionIndex;
    }

    void call(int callee, Instruction insn) {
        int imported = mc.wasm.importedFunctionCount();
        FuncType type = mc.wasm.types().get(mc.wasm.functionTypeIndices().get(callee));
        if (callee < imported) {
            invokeNative(callee, type, insn);
            return;
        }
        Callee target = mc.definedFunction(callee - imported);
        finish(type, mc.call(target, arguments(type)));
        if (mc.memoryEffects.mayMoveMemory(callee - imported)) {
            runtime.memoryMayHaveMoved();
        }
    }

    /**
     * An imported function: {@code bool aot_invoke_native(exec_env, import_index, argc, argv)} with the
     * arguments in 32-bit cells of {@code argv}, the result read back from {@code argv[0]}; false means the
     * runtime raised an exception.
     */
    private void invokeNative(int importIndex, FuncType type, Instruction insn) {
        if (cellsOf(type) > ARGV_CELLS) {
            throw unsupported(insn, "a call to an import with more than " + ARGV_CELLS + " parameter cells");
        }
        if (type.results().size() > 1) {
            throw unsupported(insn, "a call to an import with " + type.results().size() + " results");
        }
        LLVMValueRef[] args = arguments(type);
        LLVMValueRef argv = storeCells(type, args);
        Callee invoke = mc.external(mc.target.data().runtimeFunctions().invokeNative(), mc.types.i8, mc.types.ptr,
                mc.types.i32, mc.types.i32, mc.types.ptr);
        LLVMValueRef ok = mc.call(invoke, args[0], LLVMConstInt(mc.types.i32, importIndex, 0),
                LLVMConstInt(mc.types.i32, cellsOf(type), 0), argv);
        if (!runtime.exceptionsUnwind()) {
            runtime.returnIf(LLVMBuildICmp(b, LLVMIntEQ, ok, LLVMConstInt(mc.types.i8, 0, 0), ""));
        }
        if (!type.results().isEmpty()) {
            stack.push(loadResult(type, argv), type.results().get(0));
        }
        runtime.memoryMayHaveMoved();
    }

    /** exec_env's argv buffer (64 cells) holds the arguments of a call through the runtime, then its result. */
    private static final int ARGV_CELLS = 64;

    private static int cellsOf(FuncType type) {
        int cells = 0;
        for (var p : type.params()) {
            cells += OperandStack.cellsOf(p);
        }
        return cells;
    }

    /** The wasm arguments ({@code args} after exec_env) stored in 32-bit cells of exec_env's argv buffer. */
    private LLVMValueRef storeCells(FuncType type, LLVMValueRef[] args) {
        LLVMValueRef argv = runtime.argvBuffer();
        int cell = 0;
        for (int i = 0; i < type.params().size(); i++) {
            LLVMValueRef slot = LLVMBuildInBoundsGEP2(b, mc.types.i32, argv,
                    Llvm.array(LLVMConstInt(mc.types.i64, cell, 0)), 1, "");
            LLVMValueRef st = LLVMBuildStore(b, args[i + 1], slot);
            LLVMSetAlignment(st, 4);
            cell += OperandStack.cellsOf(type.params().get(i));
        }
        return argv;
    }

    /** The single result the runtime wrote back into {@code argv[0..]}. */
    private LLVMValueRef loadResult(FuncType type, LLVMValueRef argv) {
        LLVMValueRef result = LLVMBuildLoad2(b, mc.types.of(type.results().get(0)), argv, "native_result");
        LLVMSetAlignment(result, 4);
        return result;
    }

    void callIndirect(Immediate.IndexPair immediate, Instruction insn) {
        int tableIndex = immediate.second();
        int typeIndex = immediate.first();
        FuncType type = mc.wasm.types().get(typeIndex);
        LLVMValueRef index = stack.popRef();
        LLVMValueRef[] args = arguments(type);
        runtime.trapIf(LLVMBuildICmp(b, LLVMIntUGE, index, runtime.tableSize(tableIndex), ""), "undefined element");
        LLVMValueRef funcIndex = runtime.tableElement(tableIndex, index);
        runtime.trapIf(LLVMBuildICmp(b, LLVMIntEQ, funcIndex, runtime.nullRef(), ""),
                "uninitialized element");
        LLVMValueRef actual = runtime.functionTypeIndex(funcIndex);
        LLVMValueRef matches = LLVMConstInt(mc.types.i1, 0, 0);
        for (int i = 0; i < mc.wasm.types().size(); i++) {
            if (mc.wasm.types().get(i).equals(type)) {
                matches = LLVMBuildOr(b, matches,
                        LLVMBuildICmp(b, LLVMIntEQ, actual, LLVMConstInt(mc.types.i32, i, 0), ""), "");
            }
        }
        runtime.trapIf(LLVMBuildNot(b, matches, ""), "invalid function type index");
        int imported = mc.wasm.importedFunctionCount();
        if (imported == 0 || type.results().size() > 1 || cellsOf(type) > ARGV_CELLS) {
            callDefined(type, funcIndex, args);
            runtime.memoryMayHaveMoved();
            return;
        }
        // as wamrc: an element naming an import goes through the runtime (aot_call_indirect), which raises
        // "failed to call unlinked import function" for an import it could not link instead of jumping to NULL
        LLVMBasicBlockRef viaRuntime = LLVMAppendBasicBlockInContext(mc.ctx, function, "call_import");
        LLVMBasicBlockRef direct = LLVMAppendBasicBlockInContext(mc.ctx, function, "call_defined");
        LLVMBasicBlockRef done = LLVMAppendBasicBlockInContext(mc.ctx, function, "call_indirect_done");
        LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntULT, funcIndex, LLVMConstInt(mc.types.i32, imported, 0), ""),
                viaRuntime, direct);

        LLVMPositionBuilderAtEnd(b, viaRuntime);
        LLVMValueRef argv = storeCells(type, args);
        Callee helper = mc.external(mc.target.data().runtimeFunctions().callIndirect(), mc.types.i8, mc.types.ptr,
                mc.types.i32, mc.types.i32, mc.types.i32, mc.types.ptr);
        LLVMValueRef ok = mc.call(helper, args[0], LLVMConstInt(mc.types.i32, tableIndex, 0), index,
                LLVMConstInt(mc.types.i32, cellsOf(type), 0), argv);
        if (!runtime.exceptionsUnwind()) {
            runtime.returnIf(LLVMBuildICmp(b, LLVMIntEQ, ok, LLVMConstInt(mc.types.i8, 0, 0), ""));
        }
        LLVMValueRef importResult = type.results().isEmpty() ? null : loadResult(type, argv);
        LLVMBasicBlockRef importEnd = LLVMGetInsertBlock(b);
        LLVMBuildBr(b, done);

        LLVMPositionBuilderAtEnd(b, direct);
        LLVMValueRef definedResult = mc.call(new Callee(runtime.functionPointer(funcIndex), mc.types.function(type)),
                args);
        if (!runtime.exceptionsUnwind()) {
            runtime.checkException();
        }
        LLVMBasicBlockRef directEnd = LLVMGetInsertBlock(b);
        LLVMBuildBr(b, done);

        LLVMPositionBuilderAtEnd(b, done);
        if (!type.results().isEmpty()) {
            LLVMValueRef phi = LLVMBuildPhi(b, mc.types.of(type.results().get(0)), "call_indirect_result");
            LLVMAddIncoming(phi, Llvm.array(importResult, definedResult), Llvm.array(importEnd, directEnd), 2);
            stack.push(phi, type.results().get(0));
        }
        runtime.memoryMayHaveMoved();
    }

    private void callDefined(FuncType type, LLVMValueRef funcIndex, LLVMValueRef[] args) {
        LLVMTypeRef fnType = mc.types.function(type);
        LLVMValueRef pointer = runtime.functionPointer(funcIndex);
        finish(type, mc.call(new Callee(pointer, fnType), args));
    }

    /** exec_env, the wasm arguments, then one result slot per result after the first. */
    private LLVMValueRef[] arguments(FuncType type) {
        List<Value> args = stack.pop(type.params().size());
        int extra = Math.max(0, type.results().size() - 1);
        LLVMValueRef[] refs = new LLVMValueRef[args.size() + 1 + extra];
        refs[0] = LLVMGetParam(function, 0);
        for (int i = 0; i < args.size(); i++) {
            refs[i + 1] = args.get(i).ref();
        }
        extraResults.clear();
        for (int i = 0; i < extra; i++) {
            LLVMValueRef slot = entryAlloca(mc.types.of(type.results().get(i + 1)), "result" + (i + 1));
            extraResults.add(slot);
            refs[args.size() + 1 + i] = slot;
        }
        return refs;
    }

    private void finish(FuncType type, LLVMValueRef result) {
        if (!runtime.exceptionsUnwind()) {
            runtime.checkException();
        }
        if (!type.results().isEmpty()) {
            stack.push(result, type.results().get(0));
        }
        for (int i = 1; i < type.results().size(); i++) {
            ValType t = type.results().get(i);
            LLVMValueRef v = LLVMBuildLoad2(b, mc.types.of(t), extraResults.get(i - 1), "");
            LLVMSetAlignment(v, 1);
            stack.push(v, t);
        }
    }

    private LLVMValueRef entryAlloca(LLVMTypeRef type, String name) {
        LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
        LLVMPositionBuilderBefore(b, LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(function)));
        LLVMValueRef slot = LLVMBuildAlloca(b, type, name);
        LLVMPositionBuilderAtEnd(b, here);
        return slot;
    }

    private CompileException unsupported(Instruction insn, String what) {
        return CompileException.unsupported(mc.moduleName, functionIndex, insn.offset(), what);
    }
}
