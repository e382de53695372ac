package io.github.wasmaot.loader.backend.emulated;

import static io.github.wasmaot.loader.backend.emulated.UnicornConstants.*;

import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.backend.HostSignature;
import java.util.List;

/** AAPCS64: integers in x0-x7, floats in v0-v7 (s/d views), results in x0 / s0 / d0, return address in x30. */
public final class Aarch64EmulatorAbi implements EmulatorAbi {
    private static final int ARGS = 8;

    @Override
    public Isa isa() {
        return Isa.AARCH64;
    }

    @Override
    public int ucArch() {
        return UC_ARCH_ARM64;
    }

    @Override
    public int ucMode() {
        return UC_MODE_ARM;
    }

    @Override
    public int ucCpuModel() {
        return UC_CPU_ARM64_MAX;
    }

    @Override
    public byte[] returnInstruction() {
        return new byte[] {(byte) 0xC0, 0x03, 0x5F, (byte) 0xD6}; // ret
    }

    private static int floatRegister(ValueType type, int index) {
        return (type == ValueType.F32 ? ARM64_S0 : ARM64_D0) + index;
    }

    @Override
    public void prepareCall(UnicornEngine uc, List<WasmValue> args, long stackTop, long returnAddress) {
        List<WasmValue> ints = args.stream().filter(a -> !a.type().isFloat()).toList();
        List<WasmValue> floats = args.stream().filter(a -> a.type().isFloat()).toList();
        EmulatorAbi.requireRegisterArgs(ints, ARGS, floats, ARGS);
        for (int i = 0; i < ints.size(); i++) {
            uc.writeRegister(ARM64_X0 + i, ints.get(i).bits());
        }
        for (int i = 0; i < floats.size(); i++) {
            uc.writeRegister(floatRegister(floats.get(i).type(), i), floats.get(i).bits());
        }
        uc.writeRegister(ARM64_SP, stackTop & ~0xFL);
        uc.writeRegister(ARM64_X30, returnAddress);
    }

    @Override
    public long readResult(UnicornEngine uc, ValueType type) {
        long v = type.isFloat() ? uc.readRegister(floatRegister(type, 0)) : uc.readRegister(ARM64_X0);
        return type == ValueType.F32 || type == ValueType.I32 ? v & 0xffffffffL : v;
    }

    @Override
    public long[] readHostArgs(UnicornEngine uc, HostSignature signature) {
        long[] out = new long[signature.params().size()];
        int ni = 0;
        int nf = 0;
        for (int i = 0; i < out.length; i++) {
            ValueType t = signature.params().get(i);
            out[i] = t.isFloat() ? uc.readRegister(floatRegister(t, nf++)) : uc.readRegister(ARM64_X0 + ni++);
        }
        return out;
    }

    @Override
    public void writeHostResult(UnicornEngine uc, ValueType type, long bits) {
        uc.writeRegister(type.isFloat() ? floatRegister(type, 0) : ARM64_X0, bits);
    }

    @Override
    public long programCounter(UnicornEngine uc) {
        return uc.readRegister(ARM64_PC);
    }
}
