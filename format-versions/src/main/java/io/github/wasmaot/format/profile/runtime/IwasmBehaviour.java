package io.github.wasmaot.format.profile.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the runtime's iwasm does by default and how a run ends.
 *
 * @param source               where each fact comes from (WAMR files and lines at the profile's commit)
 * @param defaultHeapSize      iwasm's default {@code --heap-size} (bytes of app heap)
 * @param exitCodeAfterTrap    iwasm's exit status after a trap
 * @param exitCodeFromProcExit whether iwasm exits with the code a WASI program passes to {@code proc_exit}
 *                             (false: it exits 0)
 * @param exceptionUnwinds     whether {@code aot_set_exception_with_id} abandons the running AOT code (hardware
 *                             bound check builds touch an exception guard page and longjmp out) instead of
 *                             returning to it
 */
public record IwasmBehaviour(@JsonProperty(value = "source", required = true) String source,
                             @JsonProperty(value = "defaultHeapSize", required = true) int defaultHeapSize,
                             @JsonProperty(value = "exitCodeAfterTrap", required = true) int exitCodeAfterTrap,
                             @JsonProperty(value = "exitCodeFromProcExit", required = true)
                             boolean exitCodeFromProcExit,
                             @JsonProperty(value = "exceptionUnwinds", required = true) boolean exceptionUnwinds) {

    /** iwasm's exit status for a run that trapped, called {@code proc_exit(code)} (when not null), or returned. */
    public int exitCode(boolean trapped, Integer procExitCode) {
        if (trapped) {
            return exitCodeAfterTrap;
        }
        if (procExitCode != null) {
            return exitCodeFromProcExit ? procExitCode : 0;
        }
        return 0;
    }
}
