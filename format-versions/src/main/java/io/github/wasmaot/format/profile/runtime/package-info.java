/**
 * The pinned runtime's own structures and iwasm's behaviour, read from a profile's optional {@code "runtime"}
 * block: the one description of WASMExecEnv, AOTModuleInstance, AOTMemoryInstance and AOTTableInstance that
 * both the compiler (what generated code reads) and the loader (what it builds) use. Offsets are for 64-bit
 * targets; JSON field names are WAMR's own, and each struct cites the WAMR file and lines at the profile's
 * commit.
 */
package io.github.wasmaot.format.profile.runtime;
