package io.github.wasmaot.compiler.codegen;

import io.github.wasmaot.wasm.instruction.Instruction;
import io.github.wasmaot.wasm.instruction.Opcode;
import io.github.wasmaot.wasm.model.WasmModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Which defined functions may move the linear memory (change {@code memory_data} or {@code memory_data_size}) while
 * they run: those with a {@code memory.grow}, a call to an import (a host function may grow the memory), a
 * {@code call_indirect} (the callee is not known), or a direct call to such a function. A call to any other defined
 * function leaves the memory where it was, so the caller keeps the memory base and size it loaded in registers
 * across the call instead of reloading them (as wamrc does only for modules without {@code memory.grow}).
 * Computed once per module, before the partitions are compiled.
 */
final class MemoryEffects {
    private final BitSet mayMove;

    private MemoryEffects(BitSet mayMove) {
        this.mayMove = mayMove;
    }

    static MemoryEffects of(WasmModule wasm) {
        int imported = wasm.importedFunctionCount();
        int defined = wasm.code().size();
        BitSet mayMove = new BitSet(defined);
        List<List<Integer>> callers = new ArrayList<>(defined);
        for (int i = 0; i < defined; i++) {
            callers.add(new ArrayList<>(0));
        }
        for (int f = 0; f < defined; f++) {
            for (Instruction insn : wasm.code().get(f).instructions()) {
                Opcode op = insn.opcode();
                if (op == Opcode.CALL) {
                    int callee = insn.index();
                    if (callee < imported) {
                        mayMove.set(f);
                    } else {
                        callers.get(callee - imported).add(f);
                    }
                } else if (op == Opcode.MEMORY_GROW || op == Opcode.CALL_INDIRECT
                        || op.mnemonic().startsWith("return_call") || op.mnemonic().startsWith("call_ref")) {
                    mayMove.set(f);
                }
            }
        }
        Deque<Integer> work = new ArrayDeque<>();
        mayMove.stream().forEach(work::add);
        while (!work.isEmpty()) {
            for (int caller : callers.get(work.pop())) {
                if (!mayMove.get(caller)) {
                    mayMove.set(caller);
                    work.add(caller);
                }
            }
        }
        return new MemoryEffects(mayMove);
    }

    /** True unless defined function {@code definedIndex} surely leaves the memory base and size unchanged. */
    boolean mayMoveMemory(int definedIndex) {
        return mayMove.get(definedIndex);
    }
}
