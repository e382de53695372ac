package io.github.wasmaot.loader.backend.emulated;

import static io.github.wasmaot.loader.backend.emulated.UnicornConstants.*;

import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.backend.HostSignature;
import java.util.List;

/**
 * AAPCS64: integers in x0-x7, floats in v0-v7 (s/d views), further arguments in 8-byte stack slots from sp,
 * results in x0 / s0 / d0, return address in x30.
 */
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
        List<ValueType> types = args.stream().map(WasmValue::type).toList();
        List<Integer> onStack = EmulatorAbi.stackArgIndexes(types, ARGS, ARGS);
        int ni = 0;
        int nf = 0;
        for (int i = 0; i < args.size(); i++) {
            if (onStack.contains(i)) {
                continue;
            }
            if (types.get(i).isFloat()) {
                uc.writeRegister(floatRegister(types.get(i), nf++), args.get(i).bits());
            } else {
                uc.writeRegister(ARM64_X0 + ni++, args.get(i).bits());
            }
        }
        // stack arguments start at sp, 8 bytes each; sp stays 16-byte aligned
        long sp = (stackTop - 8L * onStack.size()) & ~0xFL;
        uc.write(sp, EmulatorAbi.slots(onStack.stream().map(i -> args.get(i).bits()).toList()));
        uc.writeRegister(ARM64_SP, sp);
        uc.writeRegister(ARM64_X30, returnAddress);
    }

    @Override
    public long readResult(UnicornEngine uc, ValueType type) {
        long v = type.isFloat() ? uc.readRegister(floatRegister(type, 0)) : uc.readRegister(ARM64_X0);
        return type == ValueType.F32 || type == ValueType.I32 ? v & 0xffffffffL : v;
    }

    @Override
    public long[] readHostArgs(UnicornEngine uc, HostSignature signature) {
        List<ValueType> types = signature.params();
        List<Integer> onStack = EmulatorAbi.stackArgIndexes(types, ARGS, ARGS);
        long area = uc.readRegister(ARM64_SP); // the entry is a bare ret: no frame was pushed
        long[] out = new long[types.size()];
        int ni = 0;
        int nf = 0;
        for (int i = 0; i < out.length; i++) {
            ValueType t = types.get(i);
            int slot = onStack.indexOf(i);
            out[i] = slot >= 0 ? EmulatorAbi.slot(uc, area, slot)
                    : t.isFloat() ? uc.readRegister(floatRegister(t, nf++)) : uc.readRegister(ARM64_X0 + ni++);
            if (t == ValueType.I32 || t == ValueType.F32) {
                out[i] &= 0xffffffffL;
            }
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
