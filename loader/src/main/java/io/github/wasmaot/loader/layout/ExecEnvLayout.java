package io.github.wasmaot.loader.layout;

/**
 * Offsets of the WASMExecEnv fields AOT code reads (64-bit targets). The runtime allocates more; the loader
 * allocates {@code size} zeroed bytes and fills these.
 */
public record ExecEnvLayout(int size, int moduleInst, int argvBuf, int nativeStackBoundary, int suspendFlags,
                            int auxStackBoundary, int auxStackBottom, int nativeSymbol) {
}
