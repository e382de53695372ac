package io.github.wasmaot.format.profile.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The runtime structs generated code reads and a loader lays out (64-bit targets). */
public record RuntimeStructs(
        @JsonProperty(value = "execEnv", required = true) ExecEnvStruct execEnv,
        @JsonProperty(value = "moduleInstance", required = true) ModuleInstanceStruct moduleInstance,
        @JsonProperty(value = "memoryInstance", required = true) MemoryInstanceStruct memoryInstance,
        @JsonProperty(value = "tableInstance", required = true) TableInstanceStruct tableInstance) {
}
