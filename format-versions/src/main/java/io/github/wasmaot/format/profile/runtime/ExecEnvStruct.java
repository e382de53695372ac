package io.github.wasmaot.format.profile.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code WASMExecEnv}: offsets of the fields AOT code reads (the runtime's struct is larger).
 *
 * @param source where the offsets come from (WAMR file and lines at the profile's commit)
 */
public record ExecEnvStruct(@JsonProperty(value = "source", required = true) String source,
                            @JsonProperty(value = "module_inst", required = true) int moduleInst,
                            @JsonProperty(value = "argv_buf", required = true) int argvBuf,
                            @JsonProperty(value = "native_stack_boundary", required = true) int nativeStackBoundary,
                            @JsonProperty(value = "suspend_flags", required = true) int suspendFlags,
                            @JsonProperty(value = "aux_stack_boundary", required = true) int auxStackBoundary,
                            @JsonProperty(value = "aux_stack_bottom", required = true) int auxStackBottom,
                            @JsonProperty(value = "native_symbol", required = true) int nativeSymbol) {
}
