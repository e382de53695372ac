/*
 * pool_harness: finds, on the REAL runtime, the smallest Alloc_With_Pool heap_size with which an AOT image
 * loads, instantiates, gets an exec env and runs _start -- what a TEE host (WaTZ, OP-TEE, SGX ports) does.
 * Our code, public wasm_export.h API only; built outside the repository against a real libiwasm:
 *
 *   cc -O1 -I$WAMR/core/iwasm/include pool_harness.c -o pool_harness -L$LIBDIR -l:libiwasm-pool.so \
 *      -Wl,-rpath,$LIBDIR
 *   (add -DLOOKUP_WITH_SIGNATURE for runtimes before 2.0, e.g. cba4c782)
 *   ./pool_harness [--stack N] [--app-heap N] [--max N] [--any-output] [--env K=V]... [--dir DIR]... FILE.aot [-- ARG...]
 *   (--env: a WASI environment variable; --dir: a preopened directory, both repeatable, both passed to
 *   wasm_runtime_set_wasi_args as given)
 *
 * Every trial runs in a forked child (a fresh runtime and a fresh pool). The guest's stdout goes to a file: the
 * run stage counts only when _start returns (or calls proc_exit) having printed exactly what it printed with the
 * largest pool (--max) -- a program that notices a failed allocation and exits early (malloc failing in the app
 * heap, memory.grow refused) has not run, although it did not trap. --any-output turns that check off.
 * Output, one line per stage:  stage <name> min <bytes>   (min -1: the stage does not apply or never succeeds up
 * to --max).  Stages: init, load, instantiate, exec_env, run (run only when _start exists).  When _start runs with
 * the largest pool, first also the linear memory's size before and after it (wasm_runtime_get_app_addr_range):
 *   memory before_run <bytes> after_run <bytes> grown_pages <n>
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/wait.h>
#include "wasm_export.h"

enum { ST_NONE = 0, ST_INIT, ST_LOAD, ST_INST, ST_EXEC, ST_RUN, ST_COUNT };
static const char *stage_names[] = { "none", "init", "load", "instantiate", "exec_env", "run" };

static uint8_t *image;
static uint32_t image_size;
static uint32_t stack_size = 16 * 1024, app_heap = 16 * 1024;
static char **wasi_argv;
static int wasi_argc;
static const char *wasi_env[64], *wasi_dirs[64];
static int wasi_envc, wasi_dirc;
static int has_start = -1;
static int check_output = 1;
static int memory_reported;
static char *reference_output; /* what _start printed with the largest pool; NULL before that trial */
static size_t reference_len;
static char out_path[] = "/tmp/pool_harness_out_XXXXXX";
static char mem_path[] = "/tmp/pool_harness_mem_XXXXXX";

#ifdef LOOKUP_WITH_SIGNATURE /* runtimes before 2.0: 32-bit app offsets */
typedef uint32_t app_offset_t;
#else
typedef uint64_t app_offset_t;
#endif

/* bytes of the default linear memory (0 without one), through the public API */
static unsigned long long
memory_bytes(wasm_module_inst_t inst)
{
    app_offset_t start = 0, end = 0;
    if (!wasm_runtime_get_app_addr_range(inst, 0, &start, &end))
        return 0;
    return (unsigned long long)end;
}

static char *
slurp(int fd, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *b = malloc(cap);
    ssize_t r;
    lseek(fd, 0, SEEK_SET);
    while ((r = read(fd, b + n, cap - n)) > 0) {
        n += (size_t)r;
        if (n == cap)
            b = realloc(b, cap *= 2);
    }
    *len = n;
    return b;
}

/* the stage reached with a pool of n bytes (in this process: call only in a child) */
static int
reach(size_t n)
{
    char err[128];
    int st = ST_NONE;
    void *pool = malloc(n ? n : 1);
    RuntimeInitArgs args;
    memset(&args, 0, sizeof(args));
    args.mem_alloc_type = Alloc_With_Pool;
    args.mem_alloc_option.pool.heap_buf = pool;
    args.mem_alloc_option.pool.heap_size = (uint32_t)n;
    if (!wasm_runtime_full_init(&args))
        return st;
    st = ST_INIT;
    /* the loader may patch the buffer in place: hand it a private copy each time */
    uint8_t *copy = malloc(image_size);
    memcpy(copy, image, image_size);
    wasm_module_t module = wasm_runtime_load(copy, image_size, err, sizeof(err));
    if (!module)
        return st;
    st = ST_LOAD;
    wasm_runtime_set_wasi_args(module, wasi_dirs, wasi_dirc, NULL, 0, wasi_env, wasi_envc, wasi_argv, wasi_argc);
    wasm_module_inst_t inst = wasm_runtime_instantiate(module, stack_size, app_heap, err, sizeof(err));
    if (!inst)
        return st;
    st = ST_INST;
    wasm_exec_env_t env = wasm_runtime_create_exec_env(inst, stack_size);
    if (!env)
        return st;
    st = ST_EXEC;
    unsigned long long before = memory_bytes(inst);
#ifdef LOOKUP_WITH_SIGNATURE /* runtimes before 2.0 take a signature argument */
    wasm_function_inst_t start = wasm_runtime_lookup_function(inst, "_start", NULL);
#else
    wasm_function_inst_t start = wasm_runtime_lookup_function(inst, "_start");
#endif
    if (!start)
        return ST_RUN + 10; /* marks "no _start" */
    int ran = wasm_runtime_call_wasm(env, start, 0, NULL);
    if (!ran) {
        const char *ex = wasm_runtime_get_exception(inst);
        ran = ex && strstr(ex, "wasi proc exit");
    }
    if (!ran)
        return st;
    /* how far _start grew linear memory (for the parent's "memory" line) */
    FILE *m = fopen(mem_path, "w");
    if (m) {
        fprintf(m, "%llu %llu\n", before, memory_bytes(inst));
        fclose(m);
    }
    return ST_RUN;
}

static int
trial(size_t n)
{
    fflush(stdout);
    int out = open(out_path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(out, 1);
        dup2(null, 2);
        _exit(reach(n));
    }
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status)) {
        close(out);
        return ST_NONE; /* a crash counts as failure */
    }
    int st = WEXITSTATUS(status);
    if (st == ST_RUN && !memory_reported) {
        memory_reported = 1; /* the first run is the one with the largest pool */
        FILE *m = fopen(mem_path, "r");
        unsigned long long before, after;
        if (m && fscanf(m, "%llu %llu", &before, &after) == 2)
            printf("memory before_run %llu after_run %llu grown_pages %llu\n", before, after,
                   (after - before) / 65536);
        if (m)
            fclose(m);
    }
    if (st == ST_RUN && check_output) {
        size_t len;
        char *got = slurp(out, &len);
        if (!reference_output) {
            reference_output = got; /* the first trial is the one with the largest pool */
            reference_len = len;
        }
        else {
            if (len != reference_len || memcmp(got, reference_output, len) != 0)
                st = ST_EXEC; /* ran to a different end: not a run */
            free(got);
        }
    }
    close(out);
    if (st >= ST_RUN + 10) {
        has_start = 0;
        st = ST_EXEC;
    }
    else if (st == ST_RUN)
        has_start = 1;
    return st;
}

static uint8_t *
read_file(const char *path, uint32_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *b = malloc(len);
    if (fread(b, 1, len, f) != (size_t)len) {
        fclose(f);
        return NULL;
    }
    fclose(f);
    *size = (uint32_t)len;
    return b;
}

int
main(int argc, char **argv)
{
    size_t max = 64u * 1024 * 1024;
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0 && argv[i][2]; i += 2) {
        if (i + 1 >= argc)
            break;
        if (!strcmp(argv[i], "--stack"))
            stack_size = (uint32_t)strtoul(argv[i + 1], NULL, 0);
        else if (!strcmp(argv[i], "--app-heap"))
            app_heap = (uint32_t)strtoul(argv[i + 1], NULL, 0);
        else if (!strcmp(argv[i], "--env") && wasi_envc < 64)
            wasi_env[wasi_envc++] = argv[i + 1];
        else if (!strcmp(argv[i], "--dir") && wasi_dirc < 64)
            wasi_dirs[wasi_dirc++] = argv[i + 1];
        else if (!strcmp(argv[i], "--any-output")) {
            check_output = 0;
            i--; /* takes no value */
        }
        else if (!strcmp(argv[i], "--max"))
            max = strtoul(argv[i + 1], NULL, 0);
        else {
            fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (i >= argc) {
        fprintf(stderr, "usage: pool_harness [--stack N] [--app-heap N] [--max N] [--any-output] [--env K=V]... [--dir DIR]... FILE.aot [-- ARG...]\n");
        return 2;
    }
    const char *path = argv[i++];
    if (!(image = read_file(path, &image_size))) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 2;
    }
    static char *argv0[64];
    argv0[wasi_argc++] = (char *)path;
    if (i < argc && !strcmp(argv[i], "--"))
        i++;
    for (; i < argc && wasi_argc < 63; i++)
        argv0[wasi_argc++] = argv[i];
    wasi_argv = argv0;

    int tmp = mkstemp(out_path);
    if (tmp < 0) {
        perror(out_path);
        return 2;
    }
    close(tmp);
    if ((tmp = mkstemp(mem_path)) < 0) {
        perror(mem_path);
        return 2;
    }
    close(tmp);
    int top = trial(max);
    printf("file %s stack %u app_heap %u env %d dirs %d max %zu reached %s\n", path, stack_size, app_heap,
           wasi_envc, wasi_dirc, max, stage_names[top]);
    size_t lo = 0; /* fails every stage >= k below lo */
    for (int k = ST_INIT; k < ST_COUNT; k++) {
        if (k == ST_RUN && has_start == 0) {
            printf("stage run min -1\n");
            continue;
        }
        if (top < k) {
            printf("stage %s min -1\n", stage_names[k]);
            continue;
        }
        size_t a = lo, b = max; /* trial(a) < k (or a == 0 unknown), trial(b) >= k */
        while (b - a > 1) {
            size_t m = a + (b - a) / 2;
            if (trial(m) >= k)
                b = m;
            else
                a = m;
        }
        printf("stage %s min %zu\n", stage_names[k], b);
        lo = a; /* smaller pools cannot reach later stages either (monotone) */
    }
    unlink(out_path);
    unlink(mem_path);
    return 0;
}
