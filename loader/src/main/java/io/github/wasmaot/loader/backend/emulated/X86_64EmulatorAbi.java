package io.github.wasmaot.loader.backend.emulated;

import static io.github.wasmaot.loader.backend.emulated.UnicornConstants.*;

import io.github.wasmaot.loader.Isa;
import io.github.wasmaot.loader.ValueType;
import io.github.wasmaot.loader.WasmValue;
import io.github.wasmaot.loader.backend.HostSignature;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** System V AMD64: integers in rdi, rsi, rdx, rcx, r8, r9; floats in xmm0-7; results in rax / xmm0. */
public final class X86_64EmulatorAbi implements EmulatorAbi {
    private static final int[] INT_ARGS = {X86_RDI, X86_RSI, X86_RDX, X86_RCX, X86_R8, X86_R9};
    private static final int FLOAT_ARGS = 8;

    @Override
    public Isa isa() {
        return Isa.X86_64;
    }

    @Override
    public int ucArch() {
        return UC_ARCH_X86;
    }

    @Override
    public int ucMode() {
        return UC_MODE_64;
    }

    @Override
    public int ucCpuModel() {
        return UC_CPU_X86_HASWELL;
    }

    @Override
    public byte[] returnInstruction() {
        return new byte[] {(byte) 0xC3};
    }

    @Override
    public void prepareCall(UnicornEngine uc, List<WasmValue> args, long stackTop, long returnAddress) {
        List<ValueType> types = args.stream().map(WasmValue::type).toList();
        List<Integer> onStack = EmulatorAbi.stackArgIndexes(types, INT_ARGS.length, FLOAT_ARGS);
        int ni = 0;
        int nf = 0;
        for (int i = 0; i < args.size(); i++) {
            if (onStack.contains(i)) {
                continue;
            }
            if (types.get(i).isFloat()) {
                uc.writeVectorRegister(X86_XMM0 + nf++, args.get(i).bits());
            } else {
                uc.writeRegister(INT_ARGS[ni++], args.get(i).bits());
            }
        }
        // At function entry rsp+8 is 16-byte aligned, [rsp] holds the return address and the stack arguments
        // follow it in 8-byte slots.
        long area = (stackTop - 8L * onStack.size()) & ~0xFL;
        uc.write(area, EmulatorAbi.slots(onStack.stream().map(i -> args.get(i).bits()).toList()));
        long rsp = area - 8;
        uc.write(rsp, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(returnAddress).array());
        uc.writeRegister(X86_RSP, rsp);
    }

    @Override
    public long readResult(UnicornEngine uc, ValueType type) {
        return type.isFloat() ? uc.readVectorRegisterLow(X86_XMM0) : uc.readRegister(X86_RAX);
    }

    @Override
    public long[] readHostArgs(UnicornEngine uc, HostSignature signature) {
        List<ValueType> types = signature.params();
        List<Integer> onStack = EmulatorAbi.stackArgIndexes(types, INT_ARGS.length, FLOAT_ARGS);
        long area = uc.readRegister(X86_RSP) + 8; // past the return address
        long[] out = new long[types.size()];
        int ni = 0;
        int nf = 0;
        for (int i = 0; i < out.length; i++) {
            int slot = onStack.indexOf(i);
            if (slot >= 0) {
                out[i] = EmulatorAbi.slot(uc, area, slot);
            } else if (types.get(i).isFloat()) {
                out[i] = uc.readVectorRegisterLow(X86_XMM0 + nf++);
            } else {
                out[i] = uc.readRegister(INT_ARGS[ni++]);
            }
            if (types.get(i) == ValueType.I32 || types.get(i) == ValueType.F32) {
                out[i] &= 0xffffffffL;
            }
        }
        return out;
    }

    @Override
    public void writeHostResult(UnicornEngine uc, ValueType type, long bits) {
        if (type.isFloat()) {
            uc.writeVectorRegister(X86_XMM0, bits);
        } else {
            uc.writeRegister(X86_RAX, bits);
        }
    }

    @Override
    public long programCounter(UnicornEngine uc) {
        return uc.readRegister(X86_RIP);
    }
}
