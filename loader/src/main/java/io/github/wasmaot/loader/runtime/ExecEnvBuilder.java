package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.format.section.init.AuxInfo;
import io.github.wasmaot.loader.backend.Backend;
import io.github.wasmaot.loader.backend.Protection;
import io.github.wasmaot.format.profile.runtime.ExecEnvStruct;

/** Allocates and fills the exec_env the AOT code receives as its first argument. */
final class ExecEnvBuilder {
    private static final long NO_INDEX = 0xffffffffL;
    private static final int ARGV_BUF_SIZE = 4096;
    /** Bytes mapped for the exec_env: more than the fields AOT code reads (the runtime's struct is larger). */
    private static final int EXEC_ENV_SIZE = 512;

    private ExecEnvBuilder() {
    }

    static long build(Backend backend, ExecEnvStruct e, long moduleInstance, AuxInfo aux) {
        long env = backend.map(EXEC_ENV_SIZE, Protection.READ_WRITE);
        long argvBuf = backend.map(ARGV_BUF_SIZE, Protection.READ_WRITE);
        StructImage s = new StructImage(EXEC_ENV_SIZE);
        s.u64(e.moduleInst(), moduleInstance);
        s.u64(e.argvBuf(), argvBuf);
        // The generated code traps with "native stack overflow" when a frame would reach below the boundary:
        // the emulated stack's bottom, or natively the call thread's, each plus headroom (Backend#nativeStackBoundary)
        s.u64(e.nativeStackBoundary(), backend.nativeStackBoundary());
        if (aux.stackTopGlobalIndex() != NO_INDEX) {
            s.u64(e.auxStackBottom(), aux.stackBottom());
            s.u64(e.auxStackBoundary(), aux.stackBottom() - aux.stackSize());
        }
        backend.write(env, s.bytes());
        return env;
    }
}
