package io.github.wasmaot.loader.wasi;

import java.io.OutputStream;
import java.util.List;

/**
 * What the WASI host gives a module: its argv (argv[0] first, as iwasm passes the file name) and where
 * fds 1 and 2 go.
 */
public record WasiConfig(List<String> args, OutputStream stdout, OutputStream stderr) {
    public WasiConfig {
        args = List.copyOf(args);
    }

    public static WasiConfig inheritIo(List<String> args) {
        return new WasiConfig(args, System.out, System.err);
    }
}
