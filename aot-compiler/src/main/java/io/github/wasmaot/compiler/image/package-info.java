/**
 * From the ELF object and the module's metadata to the sections of an AOT image, in the profile's layout.
 */
package io.github.wasmaot.compiler.image;
