package io.github.wasmaot.loader;

/**
 * A Wasm trap: the module instance's exception buffer was set while a function ran.
 * {@link #runtimeText()} is exactly what WAMR stores and iwasm prints, e.g. "Exception: integer divide by zero".
 */
public final class WasmTrapException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String PREFIX = "Exception: ";

    private final TrapKind kind;
    private final String runtimeText;

    public WasmTrapException(TrapKind kind, String runtimeText) {
        super(runtimeText);
        this.kind = kind;
        this.runtimeText = runtimeText;
    }

    /** Builds the trap from the runtime's exception buffer text ("Exception: ..."). */
    public static WasmTrapException fromRuntimeText(String text) {
        String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        return new WasmTrapException(TrapKind.byText(body), text);
    }

    public static WasmTrapException of(TrapKind kind) {
        return new WasmTrapException(kind, PREFIX + kind.text());
    }

    public TrapKind kind() {
        return kind;
    }

    public String runtimeText() {
        return runtimeText;
    }
}
