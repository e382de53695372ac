package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.host.GuestMemory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * args_get/args_sizes_get and environ_get/environ_sizes_get. Both vectors have the layout wasi-libc reads:
 * *_sizes_get stores the count and the total size of the NUL-terminated strings; *_get stores the strings
 * back to back in the buffer and, in the pointer array, the offset of each (count entries; the terminating
 * NULL entry is libc's to write, but as WAMR the array must have room for count+1 entries).
 */
final class WasiArgsEnviron {
    private final List<byte[]> args;
    private final List<byte[]> env;

    WasiArgsEnviron(List<String> args, List<String> env) {
        this.args = cStrings(args);
        this.env = cStrings(env);
    }

    private static List<byte[]> cStrings(List<String> strings) {
        return strings.stream().map(s -> (s + "\0").getBytes(StandardCharsets.UTF_8)).toList();
    }

    Map<String, WasiFunction.Body> functions() {
        Map<String, WasiFunction.Body> m = new LinkedHashMap<>();
        m.put("args_sizes_get", (mem, a) -> sizesGet(mem, args, a[0], a[1]));
        m.put("args_get", (mem, a) -> get(mem, args, a[0], a[1]));
        m.put("environ_sizes_get", (mem, a) -> sizesGet(mem, env, a[0], a[1]));
        m.put("environ_get", (mem, a) -> get(mem, env, a[0], a[1]));
        return m;
    }

    private static long totalSize(List<byte[]> strings) {
        return strings.stream().mapToLong(b -> b.length).sum();
    }

    private static long sizesGet(GuestMemory m, List<byte[]> strings, long countPtr, long bufSizePtr) {
        m.check(countPtr, 4);
        m.check(bufSizePtr, 4);
        m.writeU32(countPtr, strings.size());
        m.writeU32(bufSizePtr, totalSize(strings));
        return WasiErrno.SUCCESS;
    }

    private static long get(GuestMemory m, List<byte[]> strings, long pointersPtr, long bufPtr) {
        m.check(pointersPtr, 4L * (strings.size() + 1));
        m.check(bufPtr, totalSize(strings));
        long at = bufPtr;
        int i = 0;
        for (byte[] s : strings) {
            m.writeU32(pointersPtr + 4L * i++, at);
            m.write(at, s);
            at += s.length;
        }
        return WasiErrno.SUCCESS;
    }
}
