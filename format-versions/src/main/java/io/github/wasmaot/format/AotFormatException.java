package io.github.wasmaot.format;

import java.util.Optional;

/**
 * The one error the AOT reader and writer raise: names the file, the section, the byte offset and the cause.
 * {@link #runtimeText()} is the text WAMR's aot_loader.c prints for the same defect, when there is one.
 */
public final class AotFormatException extends WasmAotException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String section;
    private final long offset;
    private final String cause;
    private final String runtimeText;

    public AotFormatException(String fileName, String section, long offset, String cause, String runtimeText) {
        super(fileName + ": " + section + " at offset " + offset + " (0x" + Long.toHexString(offset) + "): " + cause);
        this.fileName = fileName;
        this.section = section;
        this.offset = offset;
        this.cause = cause;
        this.runtimeText = runtimeText;
    }

    public String fileName() {
        return fileName;
    }

    /** Section being read ("header", "target_info", "init_data", ...). */
    public String section() {
        return section;
    }

    /** Absolute byte offset in the image where the defect was found. */
    public long offset() {
        return offset;
    }

    /** Human-readable cause, without file/section/offset. */
    public String reason() {
        return cause;
    }

    /** Exact text WAMR's loader would report for this defect, if known. */
    public Optional<String> runtimeText() {
        return Optional.ofNullable(runtimeText);
    }
}
