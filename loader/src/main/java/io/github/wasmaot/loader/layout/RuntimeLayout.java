package io.github.wasmaot.loader.layout;

import io.github.wasmaot.format.profile.RuntimeProfile;
import io.github.wasmaot.format.profile.runtime.ExecEnvStruct;
import io.github.wasmaot.format.profile.runtime.MemoryInstanceStruct;
import io.github.wasmaot.format.profile.runtime.ModuleInstanceStruct;
import io.github.wasmaot.format.profile.runtime.RuntimeData;
import io.github.wasmaot.format.profile.runtime.TableInstanceStruct;
import java.util.Optional;

/**
 * The loader's view of one pinned runtime's {@code "runtime"} profile data: how it lays out what AOT code reads
 * (offsets for 64-bit targets, each struct citing its WAMR source) plus the iwasm defaults that shape an
 * instance. The numbers live in the profile (format-versions), nowhere else.
 */
public record RuntimeLayout(String profile, RuntimeData runtime) {

    /** The layout of a profile, when its profile data describes the runtime's structs. */
    public static Optional<RuntimeLayout> forProfile(RuntimeProfile profile) {
        return profile.runtime().map(r -> new RuntimeLayout(profile.name(), r));
    }

    public ExecEnvStruct execEnv() {
        return runtime.structs().execEnv();
    }

    public ModuleInstanceStruct moduleInstance() {
        return runtime.structs().moduleInstance();
    }

    public MemoryInstanceStruct memoryInstance() {
        return runtime.structs().memoryInstance();
    }

    public TableInstanceStruct tableInstance() {
        return runtime.structs().tableInstance();
    }

    /** Value of module_type for AOT instances ({@code Wasm_Module_AoT}). */
    public int moduleTypeAot() {
        return runtime.moduleTypes().wasmModuleAot();
    }

    /** iwasm's default --heap-size. */
    public int defaultHeapSize() {
        return runtime.iwasm().defaultHeapSize();
    }

    /**
     * Whether aot_set_exception_with_id abandons the running AOT code (hardware bound check builds touch an
     * exception guard page and longjmp out) instead of returning to it.
     */
    public boolean exceptionUnwinds() {
        return runtime.iwasm().exceptionUnwinds();
    }
}
