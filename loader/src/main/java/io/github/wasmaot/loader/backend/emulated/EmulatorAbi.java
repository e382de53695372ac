package io.github.wasmaot.loader.backend.emulated;

import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.backend.HostSignature;
import java.util.List;

/** The C calling convention of one ISA, expressed in emulator registers. */
public sealed interface EmulatorAbi permits X86_64EmulatorAbi, Aarch64EmulatorAbi {
    Isa isa();

    int ucArch();

    int ucMode();

    int ucCpuModel();

    /** Machine code of a bare return, placed at every host entry so the call returns after the hook ran. */
    byte[] returnInstruction();

    /** Sets argument registers, the stack pointer and the return address for a call. */
    void prepareCall(UnicornEngine uc, List<WasmValue> args, long stackTop, long returnAddress);

    long readResult(UnicornEngine uc, ValueType type);

    /** Reads a host function's arguments at its entry. */
    long[] readHostArgs(UnicornEngine uc, HostSignature signature);

    void writeHostResult(UnicornEngine uc, ValueType type, long bits);

    long programCounter(UnicornEngine uc);

    static EmulatorAbi of(Isa isa) {
        return switch (isa) {
            case X86_64 -> new X86_64EmulatorAbi();
            case AARCH64 -> new Aarch64EmulatorAbi();
        };
    }

    /**
     * The arguments the C ABI passes on the stack, in order: integers after the first {@code intRegisters}
     * integer arguments and floats after the first {@code floatRegisters} float arguments (SysV x86-64 and
     * AAPCS64 on Linux both give each an 8-byte slot, in argument order).
     */
    static List<Integer> stackArgIndexes(List<ValueType> types, int intRegisters, int floatRegisters) {
        List<Integer> out = new java.util.ArrayList<>();
        int ni = 0;
        int nf = 0;
        for (int i = 0; i < types.size(); i++) {
            boolean inRegister = types.get(i).isFloat() ? nf++ < floatRegisters : ni++ < intRegisters;
            if (!inRegister) {
                out.add(i);
            }
        }
        return out;
    }

    /** Little-endian 8-byte slots holding {@code values}' bits (the stack-argument area). */
    static byte[] slots(List<Long> values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * values.size()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        values.forEach(b::putLong);
        return b.array();
    }

    /** Reads the 8-byte slot {@code index} of a stack-argument area at {@code base}. */
    static long slot(UnicornEngine uc, long base, int index) {
        return java.nio.ByteBuffer.wrap(uc.read(base + 8L * index, 8)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
