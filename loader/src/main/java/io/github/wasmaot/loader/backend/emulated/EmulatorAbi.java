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

    /** Checks that the arguments fit in registers (stack-passed arguments are not implemented). */
    static void requireRegisterArgs(List<? extends Object> ints, int maxInts, List<? extends Object> floats,
                                    int maxFloats) {
        if (ints.size() > maxInts || floats.size() > maxFloats) {
            throw new UnsupportedOperationException("stack-passed arguments are not supported: " + ints.size()
                    + " integer and " + floats.size() + " float arguments");
        }
    }
}
