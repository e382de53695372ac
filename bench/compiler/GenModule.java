import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a module of N small functions for the compiler benchmark: {@code java GenModule.java [--one-line] N OUT.wasm}.
 * <ul>
 *   <li>default (size scaling): function i is {@code (func (param i32) (result i32) x * (2i+1) + i}, xor-ed with a
 *   call of function i-1 on {@code x >> 1} for seven of every eight functions (so calls cross partitions);</li>
 *   <li>{@code --one-line} (issue #16's "100k small functions"): function i is {@code local.get 0 i32.const i
 *   i32.add}, and for even i it adds the result of calling function i+1 on it.</li>
 * </ul>
 * Every 64th function is exported. The same arguments give the same bytes.
 */
public final class GenModule {
    public static void main(String[] args) throws IOException {
        boolean oneLine = args[0].equals("--one-line");
        if (oneLine) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int n = Integer.parseInt(args[0]);
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 0x61, 0x73, 0x6d, 1, 0, 0, 0});
        section(m, 1, new byte[] {1, 0x60, 1, 0x7f, 1, 0x7f});
        ByteArrayOutputStream funcs = new ByteArrayOutputStream();
        uleb(funcs, n);
        for (int i = 0; i < n; i++) {
            funcs.write(0);
        }
        section(m, 3, funcs.toByteArray());
        ByteArrayOutputStream exports = new ByteArrayOutputStream();
        uleb(exports, (n + 63) / 64);
        for (int i = 0; i < n; i += 64) {
            byte[] name = ("f" + i).getBytes(StandardCharsets.UTF_8);
            uleb(exports, name.length);
            exports.writeBytes(name);
            exports.write(0);
            uleb(exports, i);
        }
        section(m, 7, exports.toByteArray());
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        uleb(code, n);
        for (int i = 0; i < n; i++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(0); // no locals
            if (oneLine) {
                oneLine(body, i, n);
            } else {
                scaling(body, i);
            }
            uleb(code, body.size());
            code.writeBytes(body.toByteArray());
        }
        section(m, 10, code.toByteArray());
        Files.write(Path.of(args[1]), m.toByteArray());
    }

    /** {@code x * (2i+1) + i}, xor-ed with {@code call i-1} on {@code x >> 1} unless i is a multiple of 8; {@code end}. */
    private static void scaling(ByteArrayOutputStream body, int i) {
        body.write(0x20); body.write(0); // local.get 0
        body.write(0x41); sleb(body, 2 * i + 1); // i32.const
        body.write(0x6c); // i32.mul
        body.write(0x41); sleb(body, i); // i32.const
        body.write(0x6a); // i32.add
        if (i % 8 != 0) {
            body.write(0x20); body.write(0); // local.get 0
            body.write(0x41); body.write(1); // i32.const 1
            body.write(0x76); // i32.shr_u
            body.write(0x10); uleb(body, i - 1); // call i-1
            body.write(0x73); // i32.xor
        }
        body.write(0x0b);
    }

    /** {@code local.get 0 i32.const i i32.add}, then for an even i (not the last) {@code call i+1}; {@code end}. */
    private static void oneLine(ByteArrayOutputStream body, int i, int n) {
        body.write(0x20); body.write(0); // local.get 0
        body.write(0x41); sleb(body, i); // i32.const i
        body.write(0x6a); // i32.add
        if (i % 2 == 0 && i + 1 < n) {
            body.write(0x10); uleb(body, i + 1); // call i+1
        }
        body.write(0x0b);
    }

    private static void section(ByteArrayOutputStream m, int id, byte[] content) {
        m.write(id);
        uleb(m, content.length);
        m.writeBytes(content);
    }

    private static void uleb(ByteArrayOutputStream out, long v) {
        while (v >= 0x80) {
            out.write((int) (v & 0x7f | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static void sleb(ByteArrayOutputStream out, long v) {
        while (true) {
            int b = (int) (v & 0x7f);
            v >>= 7;
            if ((v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0)) {
                out.write(b);
                return;
            }
            out.write(b | 0x80);
        }
    }
}
