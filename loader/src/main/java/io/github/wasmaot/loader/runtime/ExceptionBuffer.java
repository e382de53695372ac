package io.github.wasmaot.loader.runtime;

import io.github.wasmaot.loader.backend.Backend;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The module instance's cur_exception buffer: AOT code tests its first byte after calls, the helpers write it
 * as aot_set_exception does ({@code snprintf(buf, len, "Exception: %s", text)}), the loader reads it after a
 * call returns.
 */
final class ExceptionBuffer implements InstanceParts.ExceptionBufferView {
    private final Backend backend;
    private final long address;
    private final int length;

    ExceptionBuffer(Backend backend, long address, int length) {
        this.backend = backend;
        this.address = address;
        this.length = length;
    }

    @Override
    public void set(String text) {
        byte[] msg = ("Exception: " + text).getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[Math.min(msg.length, length - 1) + 1];
        System.arraycopy(msg, 0, buf, 0, buf.length - 1);
        backend.write(address, buf);
    }

    @Override
    public void clear() {
        backend.write(address, new byte[1]);
    }

    @Override
    public Optional<String> get() {
        byte[] raw = backend.read(address, length);
        int n = 0;
        while (n < raw.length && raw[n] != 0) {
            n++;
        }
        return n == 0 ? Optional.empty() : Optional.of(new String(raw, 0, n, StandardCharsets.UTF_8));
    }
}
