package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.host.BuiltinImports;
import io.github.wasmaot.loader.host.GuestMemoryFault;
import io.github.wasmaot.loader.host.LinkedImport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The wasi_snapshot_preview1 host of one instance: every function WAMR's libc-wasi registers
 * ({@link WasiSignatures}), so any WASI import links. Implemented: args and environ
 * ({@link WasiArgsEnviron}), stdio, files and directories inside the preopened directories ({@link WasiFiles}),
 * poll_oneoff ({@link WasiPoll}), clocks ({@link WasiClocks}), random_get ({@link WasiRandom}), proc_exit and
 * sched_yield ({@link WasiProcess}); the rest (sockets, proc_raise) answer an errno ({@link WasiUnsupported}). A pointer argument outside linear memory makes a function return EFAULT.
 * proc_exit's body throws {@link io.github.wasmaot.loader.WasiExitException}; whoever runs it (the import
 * linker) ends the program with {@link #exit}.
 */
public final class WasiPreview1 implements BuiltinImports {
    public static final String MODULE = "wasi_snapshot_preview1";
    public static final String PROC_EXIT_EXCEPTION = "wasi proc exit";

    /** Sets the module instance's exception text (without the "Exception: " prefix). */
    @FunctionalInterface
    public interface ExceptionSink {
        void set(String text);
    }

    private final WasiProcess process;
    private final WasiFiles files;
    private final Map<String, WasiFunction> functions = new LinkedHashMap<>();

    public WasiPreview1(WasiConfig config, ExceptionSink exception) {
        this.process = new WasiProcess(exception::set);
        Map<String, WasiFunction.Body> bodies = new LinkedHashMap<>();
        bodies.putAll(new WasiArgsEnviron(config.args(), config.env()).functions());
        this.files = new WasiFiles(config.stdin(), config.stdout(), config.stderr(), config.preopens(),
                config.workingDirectory());
        bodies.putAll(files.functions());
        bodies.putAll(new WasiPoll(files, config.clock()).functions());
        bodies.putAll(new WasiClocks(config.clock()).functions());
        bodies.putAll(new WasiRandom(config.random()).functions());
        bodies.putAll(process.functions());
        for (String name : WasiSignatures.names()) {
            String signature = WasiSignatures.wamr(name).orElseThrow();
            WasiFunction.Body body = bodies.get(name);
            if (body == null) {
                body = WasiUnsupported.errnoFor(name, signature, files::isOpen);
            }
            functions.put(name, new WasiFunction(name, signature, faultIsEfault(signature, body)));
        }
    }

    private static WasiFunction.Body faultIsEfault(String signature, WasiFunction.Body body) {
        if (signature.endsWith(")")) {
            return body;
        }
        return (memory, args) -> {
            try {
                return body.call(memory, args);
            } catch (GuestMemoryFault e) {
                return WasiErrno.FAULT;
            }
        };
    }

    /** The function {@code name} of wasi_snapshot_preview1. */
    public Optional<WasiFunction> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    @Override
    public Optional<LinkedImport> lookup(String module, String name) {
        if (!MODULE.equals(module)) {
            return Optional.empty();
        }
        return function(name).map(f -> new LinkedImport(module, name, f.wasmSignature(),
                Optional.of(f.nativeSignature()), MODULE, f.body()::call));
    }

    /** Closes the files the module left open (the instance is gone). */
    public void closeFiles() {
        files.closeAll();
    }

    /** The code passed to proc_exit, if the module called it. */
    public OptionalInt exitCode() {
        return process.exitCode();
    }

    /** Ends the program as proc_exit({@code code}) does (for host functions that exit). */
    public void exit(int code) {
        process.exit(code);
    }
}
