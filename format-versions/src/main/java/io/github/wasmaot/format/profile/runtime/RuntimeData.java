package io.github.wasmaot.format.profile.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A profile's {@code "runtime"} block.
 *
 * @param moduleTypes the runtime's {@code package_type_t} values
 * @param structs     the structs AOT code reads and a loader builds
 * @param iwasm       what the runtime's iwasm does by default and when a run ends
 */
public record RuntimeData(@JsonProperty(value = "moduleTypes", required = true) ModuleTypes moduleTypes,
                          @JsonProperty(value = "structs", required = true) RuntimeStructs structs,
                          @JsonProperty(value = "iwasm", required = true) IwasmBehaviour iwasm) {

    /**
     * {@code package_type_t} (core/iwasm/include/wasm_export.h).
     *
     * @param wasmModuleAot value of {@code Wasm_Module_AoT}: {@code module_type} of AOT module and memory instances
     */
    public record ModuleTypes(@JsonProperty(value = "source", required = true) String source,
                              @JsonProperty(value = "Wasm_Module_AoT", required = true) int wasmModuleAot) {
    }
}
