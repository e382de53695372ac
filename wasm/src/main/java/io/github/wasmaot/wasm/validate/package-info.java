/** Module and function validation following the spec's validation algorithm (appendix). */
package io.github.wasmaot.wasm.validate;
