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
        List<WasmValue> ints = args.stream().filter(a -> !a.type().isFloat()).toList();
        List<WasmValue> floats = args.stream().filter(a -> a.type().isFloat()).toList();
        EmulatorAbi.requireRegisterArgs(ints, INT_ARGS.length, floats, FLOAT_ARGS);
        for (int i = 0; i < ints.size(); i++) {
            uc.writeRegister(INT_ARGS[i], ints.get(i).bits());
        }
        for (int i = 0; i < floats.size(); i++) {
            uc.writeVectorRegister(X86_XMM0 + i, floats.get(i).bits());
        }
        // At function entry rsp+8 is 16-byte aligned and [rsp] holds the return address.
        long rsp = (stackTop & ~0xFL) - 8;
        uc.write(rsp, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(returnAddress).array());
        uc.writeRegister(X86_RSP, rsp);
    }

    @Override
    public long readResult(UnicornEngine uc, ValueType type) {
        return type.isFloat() ? uc.readVectorRegisterLow(X86_XMM0) : uc.readRegister(X86_RAX);
    }

    @Override
    public long[] readHostArgs(UnicornEngine uc, HostSignature signature) {
        long[] out = new long[signature.params().size()];
        int ni = 0;
        int nf = 0;
        for (int i = 0; i < out.length; i++) {
            if (signature.params().get(i).isFloat()) {
                out[i] = uc.readVectorRegisterLow(X86_XMM0 + nf++);
            } else {
                out[i] = uc.readRegister(INT_ARGS[ni++]);
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
