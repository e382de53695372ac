package io.github.wasmaot.loader.wasi;

import io.github.wasmaot.loader.FunctionSignature;
import io.github.wasmaot.loader.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WAMR's native signature of every wasi_snapshot_preview1 function its libc-wasi registers (WAMR-2.4.4
 * core/iwasm/libraries/libc-wasi/libc_wasi_wrapper.c native_symbols_libc_wasi; cba4c782 registers the same
 * strings for the subset it has). wamrc resolves imports against this table: a match is called directly
 * with app addresses ('*' buffer, '$' string) converted to native pointers, '~' being the preceding buffer's
 * length; 'i'/'I' are i32/i64.
 */
public final class WasiSignatures {
    private static final Map<String, String> WAMR = new LinkedHashMap<>();

    static {
        put("(**)i", "args_get", "args_sizes_get", "environ_get", "environ_sizes_get");
        put("(i*)i", "clock_res_get", "fd_prestat_get", "fd_tell", "fd_fdstat_get", "fd_filestat_get",
                "sock_addr_local", "sock_addr_remote", "sock_bind", "sock_connect", "sock_get_broadcast",
                "sock_get_keep_alive", "sock_get_recv_buf_size", "sock_get_recv_timeout", "sock_get_reuse_addr",
                "sock_get_reuse_port", "sock_get_send_buf_size", "sock_get_send_timeout",
                "sock_get_tcp_fastopen_connect", "sock_get_tcp_keep_idle", "sock_get_tcp_keep_intvl",
                "sock_get_tcp_no_delay", "sock_get_tcp_quick_ack", "sock_get_ip_multicast_ttl", "sock_get_ip_ttl",
                "sock_get_ipv6_only");
        put("(iI*)i", "clock_time_get");
        put("(i*~)i", "fd_prestat_dir_name", "path_create_directory", "path_unlink_file", "path_remove_directory");
        put("(i)i", "fd_close", "fd_datasync", "fd_sync", "proc_raise", "sock_close");
        put("(i*iI*)i", "fd_pread", "fd_pwrite");
        put("(i*i*)i", "fd_read", "fd_write");
        put("(ii)i", "fd_renumber", "fd_fdstat_set_flags", "sock_listen", "sock_set_broadcast",
                "sock_set_keep_alive", "sock_set_recv_buf_size", "sock_set_reuse_addr", "sock_set_reuse_port",
                "sock_set_send_buf_size", "sock_set_tcp_fastopen_connect", "sock_set_tcp_keep_idle",
                "sock_set_tcp_keep_intvl", "sock_set_tcp_no_delay", "sock_set_tcp_quick_ack",
                "sock_set_ip_multicast_ttl", "sock_set_ip_ttl", "sock_set_ipv6_only", "sock_shutdown");
        put("(iIi*)i", "fd_seek");
        put("(iII)i", "fd_fdstat_set_rights", "fd_allocate");
        put("(iIIi)i", "fd_advise", "fd_filestat_set_times");
        put("(ii*~i*~)i", "path_link");
        put("(ii*~iIIi*)i", "path_open");
        put("(i*~I*)i", "fd_readdir");
        put("(i*~*~*)i", "path_readlink");
        put("(i*~i*~)i", "path_rename");
        put("(iI)i", "fd_filestat_set_size", "sock_set_recv_timeout", "sock_set_send_timeout");
        put("(ii*~*)i", "path_filestat_get");
        put("(ii*~IIi)i", "path_filestat_set_times");
        put("(*~i*~)i", "path_symlink");
        put("(**i*)i", "poll_oneoff");
        put("(i)", "proc_exit");
        put("(*~)i", "random_get");
        put("(ii*)i", "sock_accept", "sock_get_ip_multicast_loop");
        put("($$**i*)i", "sock_addr_resolve");
        put("(i**)i", "sock_get_linger");
        put("(iii*)i", "sock_open");
        put("(i*ii**)i", "sock_recv", "sock_recv_from", "sock_send_to");
        put("(i*ii*)i", "sock_send");
        put("(iii)i", "sock_set_linger", "sock_set_ip_multicast_loop");
        put("(i*i)i", "sock_set_ip_add_membership", "sock_set_ip_drop_membership");
        put("()i", "sched_yield");
    }

    private WasiSignatures() {
    }

    private static void put(String signature, String... names) {
        for (String n : names) {
            if (WAMR.put(n, signature) != null) {
                throw new IllegalStateException(n + " listed twice");
            }
        }
    }

    /** WAMR's native signature of {@code name}, e.g. "(i*i*)i" for fd_write. */
    public static Optional<String> wamr(String name) {
        return Optional.ofNullable(WAMR.get(name));
    }

    public static Set<String> names() {
        return WAMR.keySet();
    }

    /** The Wasm signature a native signature stands for: 'I' is i64, 'f'/'F' f32/f64, everything else i32. */
    public static FunctionSignature wasmSignature(String nativeSignature) {
        int close = nativeSignature.indexOf(')');
        List<ValueType> params = new ArrayList<>();
        for (char c : nativeSignature.substring(1, close).toCharArray()) {
            params.add(type(c));
        }
        String result = nativeSignature.substring(close + 1);
        return new FunctionSignature(params, result.isEmpty() ? List.of() : List.of(type(result.charAt(0))));
    }

    private static ValueType type(char c) {
        return switch (c) {
            case 'I' -> ValueType.I64;
            case 'f' -> ValueType.F32;
            case 'F' -> ValueType.F64;
            default -> ValueType.I32;
        };
    }
}
