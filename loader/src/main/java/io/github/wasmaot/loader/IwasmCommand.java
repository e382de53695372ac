package io.github.wasmaot.loader;

import io.github.wasmaot.format.profile.runtime.IwasmBehaviour;
import io.github.wasmaot.format.profile.runtime.RuntimeData;
import io.github.wasmaot.loader.wasi.WasiConfig;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What iwasm prints and returns for an image: {@code -f NAME ARGS...} or a WASI command run
 * (wasm_application_execute_main: {@code _start}). For {@code -f}: what it prints for an instance (core/iwasm/common/wasm_application.c at both
 * pinned revisions, wasm_application_execute_func): arguments parsed with strtoul/strtoull (base 0), strtof,
 * strtod; results printed as {@code 0x%x:i32}, {@code 0x%llx:i64}, {@code %.7g:f32}, {@code %.7g:f64},
 * comma-separated, then a newline; a trap prints the exception text and a newline.
 */
public final class IwasmCommand {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private IwasmCommand() {
    }

    /** iwasm's stdout and exit status. */
    public record Output(String stdout, int exitCode) {
    }

    /**
     * Instantiates {@code module} in a {@code kind} backend and runs it as iwasm would, capturing WASI stdout.
     * Exit status: as the profile's {@code runtime.iwasm} data says (the legacy runtime's iwasm always exits 0;
     * WAMR 2.x exits 1 after a trap, else with the WASI exit code).
     *
     * @throws LoaderException also when the profile has no {@code "runtime"} data
     */
    public static Output execute(AotModule module, BackendKind kind, IwasmInvocation invocation)
            throws LoaderException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        argv.add(invocation.argv0());
        argv.addAll(invocation.programArgs());
        InstanceOptions options = new InstanceOptions(invocation.heapSize(),
                new WasiConfig(argv, stdout, OutputStream.nullOutputStream()));
        IwasmBehaviour iwasm = module.profile().runtime().map(RuntimeData::iwasm).orElseThrow(() ->
                new LoaderException("profile " + module.profile().name() + " has no \"runtime\".\"iwasm\" data"
                        + " (how its iwasm exits)"));
        Integer procExit = null;
        boolean trapped = false;
        String printed;
        try (Instance instance = module.instantiate(kind, options)) {
            try {
                printed = invocation.function().isPresent()
                        ? run(instance, invocation.function().get(), invocation.programArgs())
                        : runCommand(instance);
            } catch (WasiExitException e) {
                printed = "";
                procExit = e.exitCode();
            }
            trapped = printed.startsWith(WasmTrapException.PREFIX);
        }
        String out = stdout.toString(StandardCharsets.UTF_8) + printed;
        return new Output(out, iwasm.exitCode(trapped, procExit));
    }

    private static String runCommand(Instance instance) throws LoaderException {
        try {
            instance.call("_start", List.of());
            return "";
        } catch (WasmTrapException trap) {
            return trap.runtimeText() + "\n";
        }
    }

    /** The stdout iwasm would produce for {@code -f function args...}. */
    public static String run(Instance instance, String function, List<String> args) throws LoaderException {
        FunctionSignature sig = instance.signature(function);
        if (args.size() != sig.params().size()) {
            throw new LoaderException("invalid input argument count");
        }
        List<WasmValue> values = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            values.add(parse(sig.params().get(i), args.get(i)));
        }
        try {
            List<WasmValue> results = instance.call(function, values);
            return results.stream().map(IwasmCommand::format).collect(Collectors.joining(",")) + "\n";
        } catch (WasmTrapException trap) {
            return trap.runtimeText() + "\n";
        }
    }

    /** An argument as iwasm parses it: strtoull (base 0) for integers, strtof/strtod for floats. */
    public static WasmValue parse(ValueType type, String arg) throws LoaderException {
        try {
            return switch (type) {
                case I32 -> WasmValue.i32((int) strtoull(arg));
                case I64 -> WasmValue.i64(strtoull(arg));
                case F32 -> WasmValue.f32(CFloats.strtof(arg));
                case F64 -> WasmValue.f64(CFloats.strtod(arg));
            };
        } catch (NumberFormatException e) {
            throw new LoaderException("invalid input argument: " + arg);
        }
    }

    /** strtoull with base 0: optional sign, 0x hex, leading-0 octal, decimal; "-n" wraps modulo 2^64. */
    static long strtoull(String s) {
        String t = s.trim();
        boolean negative = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            negative = t.charAt(0) == '-';
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        BigInteger v = new BigInteger(t, radix);
        if (v.bitLength() > 64) {
            return -1L; // ULLONG_MAX on overflow
        }
        if (negative) {
            v = TWO_64.subtract(v).mod(TWO_64);
        }
        return v.longValue();
    }

    public static String format(WasmValue v) {
        if (v instanceof WasmValue.I32 i) {
            return "0x" + Integer.toHexString(i.value()) + ":i32";
        }
        if (v instanceof WasmValue.I64 l) {
            return "0x" + Long.toHexString(l.value()) + ":i64";
        }
        if (v instanceof WasmValue.F32 f) {
            return CFloats.formatG7(f.value()) + ":f32";
        }
        return CFloats.formatG7(((WasmValue.F64) v).value()) + ":f64";
    }
}
