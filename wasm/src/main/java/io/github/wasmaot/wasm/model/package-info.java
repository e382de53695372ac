/** The decoded module: types, imports/exports, segments, function bodies, custom sections. */
package io.github.wasmaot.wasm.model;
