package io.github.wasmaot.compiler.codegen;

import io.github.wasmaot.wasm.model.ValType;
import java.util.List;
import org.bytedeco.llvm.LLVM.LLVMBasicBlockRef;
import org.bytedeco.llvm.LLVM.LLVMValueRef;

/**
 * One entry of the control stack. Branches to a loop go to its header (whose phis take the loop params);
 * branches to anything else go to its end block (whose phis take the results).
 */
final class ControlFrame {
    enum Kind { FUNCTION, BLOCK, LOOP, IF }

    final Kind kind;
    final List<ValType> params;
    final List<ValType> results;
    /** Operand-stack height below this frame's params. */
    final int height;
    final LLVMBasicBlockRef end;
    final List<LLVMValueRef> endPhis;
    final LLVMBasicBlockRef header;
    final List<LLVMValueRef> headerPhis;
    final LLVMBasicBlockRef elseBlock;
    final List<Value> ifParams;
    boolean endReached;
    boolean elseSeen;

    ControlFrame(Kind kind, List<ValType> params, List<ValType> results, int height, LLVMBasicBlockRef end,
                 List<LLVMValueRef> endPhis, LLVMBasicBlockRef header, List<LLVMValueRef> headerPhis,
                 LLVMBasicBlockRef elseBlock, List<Value> ifParams) {
        this.kind = kind;
        this.params = List.copyOf(params);
        this.results = List.copyOf(results);
        this.height = height;
        this.end = end;
        this.endPhis = List.copyOf(endPhis);
        this.header = header;
        this.headerPhis = headerPhis == null ? List.of() : List.copyOf(headerPhis);
        this.elseBlock = elseBlock;
        this.ifParams = ifParams == null ? List.of() : List.copyOf(ifParams);
    }

    /** Types a branch to this frame carries. */
    List<ValType> labelTypes() {
        return kind == Kind.LOOP ? params : results;
    }
}
