package io.github.wasmaot.format.profile.runtime;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.OptionalInt;

/**
 * {@code AOTTableInstance}: header fields, the element array, element width and the stored value of a null
 * funcref. The element array is {@code elems} from WAMR 2.x on; the legacy revision calls it {@code data}.
 *
 * @param source    where the offsets come from (WAMR file and lines at the profile's commit)
 * @param elemType  offset of {@code elem_type} (uint8), or null when the revision has none
 * @param elemBytes bytes per element (the function index is its low 32 bits)
 * @param nullRef   value of a null element
 */
public record TableInstanceStruct(@JsonProperty(value = "source", required = true) String source,
                                  @JsonProperty("elem_type") Integer elemType,
                                  @JsonProperty(value = "cur_size", required = true) int curSize,
                                  @JsonProperty(value = "max_size", required = true) int maxSize,
                                  @JsonProperty(value = "elems", required = true) @JsonAlias("data") int elems,
                                  @JsonProperty(value = "elemBytes", required = true) int elemBytes,
                                  @JsonProperty(value = "nullRef", required = true) long nullRef) {

    public OptionalInt elemTypeOffset() {
        return elemType == null ? OptionalInt.empty() : OptionalInt.of(elemType);
    }

    /** Bytes of one table instance with {@code slots} elements. */
    public long sizeWith(long slots) {
        return elems + slots * elemBytes;
    }
}
