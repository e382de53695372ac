package io.github.wasmaot.compiler.codegen;

import static org.bytedeco.llvm.global.LLVM.*;

import io.github.wasmaot.compiler.CompileException;
import io.github.wasmaot.wasm.instruction.BlockType;
import io.github.wasmaot.wasm.instruction.Immediate;
import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.FuncType;
import io.github.wasmaot.wasm.model.FunctionBody;
import io.github.wasmaot.wasm.model.LocalGroup;
import io.github.wasmaot.wasm.model.ValType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMBuilderRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * Translates one function body into the body of its {@code aot_func#N}: control flow, locals, globals and
 * calls here; numeric and memory instructions in {@link NumericTranslator} and {@link MemoryTranslator}.
 * Code after an unconditional branch is skipped up to the end of its block.
 */
final class FunctionTranslator {
    private final ModuleContext mc;
    private final LLVMBuilderRef b;
    private final int functionIndex;
    private final FuncType type;
    private final FunctionBody body;
    private final Callee self;
    private final OperandStack stack = new OperandStack();
    private final List<ControlFrame> frames = new ArrayList<>();
    private final List<LLVMValueRef> localSlots = new ArrayList<>();
    private final List<ValType> localTypes = new ArrayList<>();
    private RuntimeAccess runtime;
    private NumericTranslator numeric;
    private MemoryTranslator memory;
    private CallTranslator calls;
    private ReferenceTranslator references;
    private TableTranslator tableOps;
    private BulkMemoryTranslator bulkMemory;
    private boolean unreachable;
    private int skipDepth;

    FunctionTranslator(ModuleContext mc, int definedIndex) {
        this.mc = mc;
        this.b = mc.builder;
        this.functionIndex = mc.wasm.importedFunctionCount() + definedIndex;
        this.type = mc.wasm.types().get(mc.wasm.functions().get(definedIndex));
        this.body = mc.wasm.code().get(definedIndex);
        this.self = mc.definedFunction(definedIndex);
    }

    /** Emits the body; returns WAMR's max local and max operand-stack cell numbers of the function. */
    CellCounts translate() {
        LLVMValueRef fn = self.function();
        runtime = new RuntimeAccess(mc, fn, LLVMGetReturnType(self.type()));
        numeric = new NumericTranslator(mc, stack, runtime);
        memory = new MemoryTranslator(mc, stack, runtime);
        calls = new CallTranslator(mc, stack, runtime, fn, functionIndex);
        references = new ReferenceTranslator(mc, stack, runtime);
        tableOps = new TableTranslator(mc, stack, runtime);
        bulkMemory = new BulkMemoryTranslator(mc, stack, runtime);

        LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(mc.ctx, fn, "entry");
        LLVMPositionBuilderAtEnd(b, entry);
        runtime.loadModuleInstance();
        if (!mc.wasm.allMemories().isEmpty()) {
            runtime.cacheMemory();
        }
        int localCells = declareLocals(fn);

        LLVMBasicBlockRef ret = LLVMAppendBasicBlockInContext(mc.ctx, fn, "return");
        List<LLVMValueRef> retPhis = phis(ret, type.results());
        frames.add(new ControlFrame(ControlFrame.Kind.FUNCTION, List.of(), type.results(), 0, ret, retPhis,
                null, null, null, null));
        LLVMBasicBlockRef start = LLVMAppendBasicBlockInContext(mc.ctx, fn, "body");
        LLVMBuildBr(b, start);
        LLVMPositionBuilderAtEnd(b, start);

        for (Instruction insn : body.instructions()) {
            if (frames.isEmpty()) {
                throw unsupported(insn.offset(), "an instruction after the function's end");
            }
            if (unreachable) {
                skip(insn);
            } else {
                translate(insn);
            }
        }
        memory.keepUnusedGuardedLoads();
        if (mc.target.stackBoundsChecks()) {
            NativeStackCheck.emit(mc, runtime, fn, entry, start, localCells, stack.maxCells());
        }
        return new CellCounts(localCells, stack.maxCells());
    }

    private int declareLocals(LLVMValueRef fn) {
        int cells = 0;
        List<ValType> all = new ArrayList<>(type.params());
        for (LocalGroup g : body.locals()) {
            for (long i = 0; i < g.count(); i++) {
                all.add(g.type());
            }
        }
        for (int i = 0; i < all.size(); i++) {
            ValType t = all.get(i);
            LLVMValueRef slot = LLVMBuildAlloca(b, mc.types.of(t), "local" + i);
            LLVMValueRef zero = t.isReference() ? runtime.nullRef() : LLVMConstNull(mc.types.of(t));
            LLVMValueRef init = i < type.params().size() ? LLVMGetParam(fn, i + 1) : zero;
            LLVMBuildStore(b, init, slot);
            localSlots.add(slot);
            localTypes.add(t);
            cells += OperandStack.cellsOf(t);
        }
        return cells;
    }

    private void skip(Instruction insn) {
        switch (insn.opcode()) {
            case BLOCK, LOOP, IF -> skipDepth++;
            case ELSE -> {
                if (skipDepth == 0) {
                    elseOf(top());
                }
            }
            case END -> {
                if (skipDepth > 0) {
                    skipDepth--;
                } else {
                    endOf(frames.remove(frames.size() - 1));
                }
            }
            default -> {
            }
        }
    }

    private void translate(Instruction insn) {
        Opcode op = insn.opcode();
        switch (op) {
            case NOP -> {
            }
            case UNREACHABLE -> {
                runtime.trap("unreachable");
                unreachable = true;
            }
            case BLOCK, LOOP, IF -> enter(op, (BlockType) insn.immediate(), insn);
            case ELSE -> elseOf(top());
            case END -> endOf(frames.remove(frames.size() - 1));
            case BR -> {
                branch(label(insn.index()));
                unreachable = true;
            }
            case BR_IF -> {
                LLVMValueRef cond = nonZero(stack.popRef());
                LLVMBasicBlockRef taken = block("br_if");
                LLVMBasicBlockRef cont = block("br_if_not");
                LLVMBuildCondBr(b, cond, taken, cont);
                LLVMPositionBuilderAtEnd(b, taken);
                branch(label(insn.index()));
                LLVMPositionBuilderAtEnd(b, cont);
            }
            case BR_TABLE -> brTable((Immediate.BranchTable) insn.immediate());
            case RETURN -> {
                branch(frames.get(0));
                unreachable = true;
            }
            case CALL -> calls.call(insn.index(), insn);
            case CALL_INDIRECT -> calls.callIndirect((Immediate.IndexPair) insn.immediate(), insn);
            case DROP -> stack.pop();
            case SELECT, SELECT_TYPED -> {
                LLVMValueRef cond = nonZero(stack.popRef());
                Value second = stack.pop();
                Value first = stack.pop();
                stack.push(LLVMBuildSelect(b, cond, first.ref(), second.ref(), ""), first.type());
            }
            case LOCAL_GET -> stack.push(LLVMBuildLoad2(b, mc.types.of(localTypes.get(insn.index())),
                    localSlots.get(insn.index()), ""), localTypes.get(insn.index()));
            case LOCAL_SET -> LLVMBuildStore(b, stack.popRef(), localSlots.get(insn.index()));
            case LOCAL_TEE -> LLVMBuildStore(b, stack.peek(1).get(0).ref(), localSlots.get(insn.index()));
            case GLOBAL_GET -> {
                ValType t = mc.wasm.allGlobals().get(insn.index()).valType();
                LLVMValueRef v = LLVMBuildLoad2(b, mc.types.of(t), runtime.globalAddress(insn.index()), "");
                LLVMSetAlignment(v, 1);
                stack.push(v, t);
            }
            case GLOBAL_SET -> {
                LLVMValueRef st = LLVMBuildStore(b, stack.popRef(), runtime.globalAddress(insn.index()));
                LLVMSetAlignment(st, 1);
            }
            default -> {
                if (!numeric.translate(insn) && !memory.translate(insn) && !references.translate(insn)
                        && !tableOps.translate(insn) && !bulkMemory.translate(insn)) {
                    throw unsupported(insn.offset(), "instruction " + op.mnemonic());
                }
            }
        }
    }

    private void enter(Opcode op, BlockType blockType, Instruction insn) {
        List<ValType> params = blockParams(blockType);
        List<ValType> results = blockResults(blockType);
        LLVMValueRef cond = op == Opcode.IF ? nonZero(stack.popRef()) : null;
        List<Value> args = stack.pop(params.size());
        int height = stack.size();
        LLVMBasicBlockRef end = block(op.mnemonic() + "_end");
        List<LLVMValueRef> endPhis = phis(end, results);
        switch (op) {
            case BLOCK -> {
                frames.add(new ControlFrame(ControlFrame.Kind.BLOCK, params, results, height, end, endPhis,
                        null, null, null, null));
                args.forEach(stack::push);
            }
            case LOOP -> {
                LLVMBasicBlockRef header = block("loop");
                List<LLVMValueRef> headerPhis = phis(header, params);
                addIncoming(headerPhis, args);
                LLVMBuildBr(b, header);
                LLVMPositionBuilderAtEnd(b, header);
                frames.add(new ControlFrame(ControlFrame.Kind.LOOP, params, results, height, end, endPhis,
                        header, headerPhis, null, null));
                for (int i = 0; i < params.size(); i++) {
                    stack.push(headerPhis.get(i), params.get(i));
                }
            }
            default -> {
                LLVMBasicBlockRef then = block("then");
                LLVMBasicBlockRef otherwise = block("else");
                LLVMBuildCondBr(b, cond, then, otherwise);
                LLVMPositionBuilderAtEnd(b, then);
                frames.add(new ControlFrame(ControlFrame.Kind.IF, params, results, height, end, endPhis,
                        null, null, otherwise, args));
                args.forEach(stack::push);
            }
        }
    }

    private void elseOf(ControlFrame f) {
        if (!unreachable) {
            fallThrough(f);
        }
        stack.truncate(f.height);
        f.elseSeen = true;
        LLVMPositionBuilderAtEnd(b, f.elseBlock);
        f.ifParams.forEach(stack::push);
        unreachable = false;
    }

    private void endOf(ControlFrame f) {
        if (!unreachable) {
            fallThrough(f);
        }
        if (f.kind == ControlFrame.Kind.IF && !f.elseSeen) {
            LLVMPositionBuilderAtEnd(b, f.elseBlock);
            stack.truncate(f.height);
            f.ifParams.forEach(stack::push);
            fallThrough(f);
        }
        stack.truncate(f.height);
        if (!f.endReached) {
            // nothing reaches the end: what follows is unreachable up to the end of the enclosing frame
            LLVMDeleteBasicBlock(f.end);
            unreachable = true;
            return;
        }
        LLVMPositionBuilderAtEnd(b, f.end);
        unreachable = false;
        if (f.kind == ControlFrame.Kind.FUNCTION) {
            for (int i = 1; i < f.results.size(); i++) {
                LLVMValueRef out = LLVMGetParam(self.function(), type.params().size() + i);
                LLVMSetAlignment(LLVMBuildStore(b, f.endPhis.get(i), out), 1);
            }
            if (f.results.isEmpty()) {
                LLVMBuildRetVoid(b);
            } else {
                LLVMBuildRet(b, f.endPhis.get(0));
            }
            unreachable = true;
            return;
        }
        for (int i = 0; i < f.results.size(); i++) {
            stack.push(f.endPhis.get(i), f.results.get(i));
        }
    }

    /** Leaves {@code f} through its end (also for loops) with its results on top of the stack. */
    private void fallThrough(ControlFrame f) {
        addIncoming(f.endPhis, stack.peek(f.results.size()));
        f.endReached = true;
        LLVMBuildBr(b, f.end);
    }

    /** Branches from the current block to {@code f}'s label with the top values of the stack. */
    private void branch(ControlFrame f) {
        List<ValType> types = f.labelTypes();
        List<Value> values = stack.peek(types.size());
        if (f.kind == ControlFrame.Kind.LOOP) {
            addIncoming(f.headerPhis, values);
            LLVMBuildBr(b, f.header);
        } else {
            addIncoming(f.endPhis, values);
            f.endReached = true;
            LLVMBuildBr(b, f.end);
        }
    }

    private void brTable(Immediate.BranchTable table) {
        LLVMValueRef index = stack.popRef();
        Map<Integer, LLVMBasicBlockRef> targets = new LinkedHashMap<>();
        LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
        LLVMBasicBlockRef defaultBlock = trampoline(targets, table.defaultLabel());
        List<LLVMBasicBlockRef> cases = new ArrayList<>();
        for (int depth : table.labels()) {
            cases.add(trampoline(targets, depth));
        }
        LLVMPositionBuilderAtEnd(b, here);
        LLVMValueRef sw = LLVMBuildSwitch(b, index, defaultBlock, cases.size());
        for (int i = 0; i < cases.size(); i++) {
            LLVMAddCase(sw, LLVMConstInt(mc.types.i32, i, 0), cases.get(i));
        }
        unreachable = true;
    }

    private LLVMBasicBlockRef trampoline(Map<Integer, LLVMBasicBlockRef> targets, int depth) {
        return targets.computeIfAbsent(depth, d -> {
            LLVMBasicBlockRef t = block("br_table_" + d);
            LLVMPositionBuilderAtEnd(b, t);
            branch(label(d));
            return t;
        });
    }

    private List<ValType> blockParams(BlockType bt) {
        if (bt instanceof BlockType.TypeIndex ti) {
            return mc.wasm.types().get(ti.typeIndex()).params();
        }
        return List.of();
    }

    private List<ValType> blockResults(BlockType bt) {
        List<ValType> results;
        if (bt instanceof BlockType.Value v) {
            results = List.of(v.type());
        } else if (bt instanceof BlockType.TypeIndex ti) {
            results = mc.wasm.types().get(ti.typeIndex()).results();
        } else {
            results = List.of();
        }
        return results;
    }

    private List<LLVMValueRef> phis(LLVMBasicBlockRef block, List<ValType> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        LLVMBasicBlockRef here = LLVMGetInsertBlock(b);
        LLVMPositionBuilderAtEnd(b, block);
        List<LLVMValueRef> out = new ArrayList<>();
        for (ValType t : types) {
            out.add(LLVMBuildPhi(b, mc.types.of(t), ""));
        }
        LLVMPositionBuilderAtEnd(b, here);
        return out;
    }

    private void addIncoming(List<LLVMValueRef> phis, List<Value> values) {
        LLVMBasicBlockRef from = LLVMGetInsertBlock(b);
        for (int i = 0; i < phis.size(); i++) {
            LLVMAddIncoming(phis.get(i), values.get(i).ref(), from, 1);
        }
    }

    private ControlFrame label(int depth) {
        return frames.get(frames.size() - 1 - depth);
    }

    private ControlFrame top() {
        return frames.get(frames.size() - 1);
    }

    private LLVMBasicBlockRef block(String name) {
        return LLVMAppendBasicBlockInContext(mc.ctx, self.function(), name);
    }

    private LLVMValueRef nonZero(LLVMValueRef i32) {
        return LLVMBuildICmp(b, LLVMIntNE, i32, LLVMConstInt(mc.types.i32, 0, 0), "");
    }

    private CompileException unsupported(int offset, String what) {
        return CompileException.unsupported(mc.moduleName, functionIndex, offset, what);
    }

    /** WAMR's cell numbers of one function (function section of AOT v5). */
    record CellCounts(int maxLocalCells, int maxStackCells) {
    }
}
