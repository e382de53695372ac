/*
 * link_host: a spec-test judge for a WAMR runtime that cannot link one module to another in AOT mode
 * (commit cba4c782: no multi-module for AOT, no --native-lib). It embeds the real runtime through its
 * public API (wasm_export.h) and behaves like `iwasm --repl FILE`, plus one option:
 *
 *   --link-file=PATH   lines "MODULE<TAB>FIELD<TAB>PARAMS<TAB>RESULTS<TAB>HEAP<TAB>FILE": FILE is the AOT
 *                      image of the module registered as MODULE, instantiated with an app heap of HEAP
 *                      bytes (as --heap-size); its export FIELD (type PARAMS -> RESULTS, one letter per
 *                      value: i i32/reference, I i64, f f32, F f64, '-' for none) is linked to the main
 *                      module's import MODULE.FIELD.
 *
 * Each registered module is instantiated once, before the main module is loaded. Its exports are
 * registered as raw native functions of MODULE (wasm_runtime_register_natives_raw), the runtime's only
 * way to resolve an AOT function import at that commit, so the main image calls them through the
 * runtime's own import path. The native forwards the call to the registered instance on the caller's
 * exec_env, with the exec_env's module instance switched to the callee for the call (the runtime keeps
 * one exec_env per thread while a call is running and refuses a second one: "invalid exec env"). A trap
 * in the callee becomes the caller's exception with the same text.
 *
 * This file is ours; it contains no WAMR code. Build it against a libvmlib.a of the runtime (see
 * README.md beside it).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wasm_export.h"

#define MAX_CELLS 64
#define MAX_LINE 4096

/* WASMExecEnv starts with `next`, `prev`, `module_inst` (core/iwasm/common/wasm_exec_env.h); the runtime
   has no setter for module_inst at this commit. Checked against wasm_runtime_get_module_inst before use. */
#define EXEC_ENV_MODULE_INST_OFFSET (2 * sizeof(void *))

typedef struct Link {
    char *module;
    char *field;
    char *params;
    char *results;
    uint32_t heap;
    wasm_module_inst_t callee;
    wasm_function_inst_t function;
} Link;

static uint32_t stack_size = 16 * 1024;
static uint32_t heap_size = 16 * 1024;

static uint8_t *
read_file(const char *path, uint32_t *size)
{
    FILE *f = fopen(path, "rb");
    long n;
    uint8_t *buf;
    if (!f) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0
        || !(buf = malloc(n > 0 ? (size_t)n : 1))) {
        fclose(f);
        return NULL;
    }
    if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *size = (uint32_t)n;
    return buf;
}

static uint32_t
cells_of(const char *types)
{
    uint32_t n = 0;
    for (; *types && *types != '-'; types++) {
        n += (*types == 'I' || *types == 'F') ? 2 : 1;
    }
    return n;
}

static void
forward(wasm_exec_env_t exec_env, uint64_t *args)
{
    Link *link = wasm_runtime_get_function_attachment(exec_env);
    wasm_module_inst_t caller = wasm_runtime_get_module_inst(exec_env);
    wasm_module_inst_t *slot =
        (wasm_module_inst_t *)((uint8_t *)exec_env + EXEC_ENV_MODULE_INST_OFFSET);
    uint32_t cells[MAX_CELLS], argc = 0;
    const char *t;
    uint64_t *arg = args;
    const char *exception;
    bool ok;

    if (*slot != caller) {
        wasm_runtime_set_exception(caller, "link_host: unexpected exec_env layout");
        return;
    }
    for (t = link->params; *t && *t != '-'; t++, arg++) {
        if (*t == 'I' || *t == 'F') {
            memcpy(cells + argc, arg, 8);
            argc += 2;
        }
        else {
            memcpy(cells + argc, arg, 4);
            argc += 1;
        }
    }
    *slot = link->callee;
    ok = wasm_runtime_call_wasm(exec_env, link->function, argc, cells);
    *slot = caller;
    if (!ok) {
        exception = wasm_runtime_get_exception(link->callee);
        if (!exception) {
            exception = "call to a linked module failed";
        }
        else if (!strncmp(exception, "Exception: ", 11)) {
            exception += 11;
        }
        wasm_runtime_set_exception(caller, exception);
        wasm_runtime_clear_exception(link->callee);
        return;
    }
    switch (link->results[0]) {
        case 'I':
        case 'F':
            memcpy(args, cells, 8);
            break;
        case 'i':
        case 'f':
            memcpy(args, cells, 4);
            break;
        default:
            break;
    }
}

static wasm_module_inst_t
load_instance(const char *path, uint32_t heap, char *error, uint32_t error_size)
{
    uint32_t size;
    uint8_t *buf = read_file(path, &size);
    wasm_module_t module;
    wasm_module_inst_t inst;
    if (!buf) {
        snprintf(error, error_size, "link_host: cannot read %s", path);
        return NULL;
    }
    /* the buffer stays alive: the loaded module may refer to it */
    if (!(module = wasm_runtime_load(buf, size, error, error_size))) {
        return NULL;
    }
    if (!(inst = wasm_runtime_instantiate(module, stack_size, heap, error, error_size))) {
        return NULL;
    }
    return inst;
}

/* Splits one link line in place; false if it does not have six fields. */
static bool
parse_link(char *line, Link *link, char **file)
{
    char *fields[6];
    int i;
    memset(link, 0, sizeof(*link));
    for (i = 0; i < 6; i++) {
        fields[i] = line;
        line = strchr(line, i < 5 ? '\t' : '\n');
        if (!line) {
            if (i < 5) {
                return false;
            }
        }
        else {
            *line++ = '\0';
        }
    }
    link->module = strdup(fields[0]);
    link->field = strdup(fields[1]);
    link->params = strdup(fields[2]);
    link->results = strdup(fields[3]);
    link->heap = (uint32_t)strtoul(fields[4], NULL, 10);
    *file = strdup(fields[5]);
    return cells_of(link->params) <= MAX_CELLS && cells_of(link->results) <= MAX_CELLS
           && strlen(link->results) == 1;
}

/* Instantiates the registered modules and registers their exports as natives; false after printing why. */
static bool
link_modules(const char *link_file)
{
    FILE *f = fopen(link_file, "r");
    char line[MAX_LINE], error[128];
    Link *links = NULL;
    char **files = NULL;
    uint32_t count = 0, i, j, n;
    wasm_module_inst_t inst;
    NativeSymbol *symbols;

    if (!f) {
        fprintf(stderr, "link_host: cannot read %s\n", link_file);
        return false;
    }
    while (fgets(line, sizeof(line), f)) {
        links = realloc(links, sizeof(Link) * (count + 1));
        files = realloc(files, sizeof(char *) * (count + 1));
        if (!links || !files || !parse_link(line, &links[count], &files[count])) {
            fprintf(stderr, "link_host: %s: bad line %u\n", link_file, count + 1);
            fclose(f);
            return false;
        }
        count++;
    }
    fclose(f);
    /* one instance per module name, in order of first appearance: a module's own links come first */
    for (i = 0; i < count; i++) {
        if (links[i].callee) {
            continue;
        }
        if (!(inst = load_instance(files[i], links[i].heap, error, sizeof(error)))) {
            fprintf(stderr, "link_host: cannot link registered module %s (%s): %s\n", links[i].module, files[i],
                    error);
            return false;
        }
        symbols = calloc(count, sizeof(NativeSymbol));
        n = 0;
        for (j = i; j < count; j++) {
            if (strcmp(links[j].module, links[i].module)) {
                continue;
            }
            links[j].callee = inst;
            links[j].function = wasm_runtime_lookup_function(inst, links[j].field, NULL);
            if (!links[j].function) {
                continue; /* left unlinked, as the runtime leaves any unresolved import */
            }
            symbols[n].symbol = links[j].field;
            symbols[n].func_ptr = (void *)forward;
            symbols[n].signature = NULL;
            symbols[n].attachment = &links[j];
            n++;
        }
        if (n > 0 && !wasm_runtime_register_natives_raw(links[i].module, symbols, n)) {
            fprintf(stderr, "link_host: cannot register the natives of %s\n", links[i].module);
            return false;
        }
    }
    return true;
}

static char **
split_line(char *line, int *count)
{
    char **argv = NULL, *p, *token;
    int n = 0;
    for (token = strtok(line, " "); token; token = strtok(NULL, " ")) {
        if (!(argv = realloc(argv, sizeof(char *) * (n + 1)))) {
            return NULL;
        }
        argv[n++] = token;
    }
    if (n > 0) {
        /* as iwasm: '\' in the function name stands for a space */
        for (p = strchr(argv[0], '\\'); p; p = strchr(p, '\\')) {
            *p = ' ';
        }
    }
    *count = n;
    return argv;
}

static void
repl(wasm_module_inst_t inst)
{
    char *line = NULL, **argv;
    size_t capacity = 0;
    ssize_t n;
    int argc;
    for (;;) {
        printf("webassembly> ");
        fflush(stdout);
        if ((n = getline(&line, &capacity, stdin)) == -1) {
            break;
        }
        if (n > 0 && line[n - 1] == '\n') {
            line[--n] = '\0';
        }
        if (n == 0) {
            continue;
        }
        if (!strcmp(line, "__exit__")) {
            printf("exit repl mode\n");
            break;
        }
        if (!(argv = split_line(line, &argc))) {
            break;
        }
        if (argc > 0) {
            wasm_application_execute_func(inst, argv[0], argc - 1, argv + 1);
        }
        free(argv);
        fflush(stdout);
    }
    fflush(stdout);
    free(line);
}

int
main(int argc, char *argv[])
{
    const char *link_file = NULL, *file = NULL;
    bool repl_mode = false;
    RuntimeInitArgs init_args;
    wasm_module_t module;
    wasm_module_inst_t inst;
    uint8_t *buf;
    uint32_t size;
    char error[128];
    char *wasi_argv[1];
    int i;

    for (i = 1; i < argc; i++) {
        if (!strncmp(argv[i], "--heap-size=", 12)) {
            heap_size = (uint32_t)atoi(argv[i] + 12);
        }
        else if (!strncmp(argv[i], "--stack-size=", 13)) {
            stack_size = (uint32_t)atoi(argv[i] + 13);
        }
        else if (!strncmp(argv[i], "--link-file=", 12)) {
            link_file = argv[i] + 12;
        }
        else if (!strcmp(argv[i], "--repl")) {
            repl_mode = true;
        }
        else if (argv[i][0] != '-' && !file) {
            file = argv[i];
        }
        else {
            file = NULL;
            break;
        }
    }
    if (!file || !repl_mode) {
        fprintf(stderr, "usage: link_host [--heap-size=N] [--stack-size=N] [--link-file=PATH] --repl FILE\n");
        return 2;
    }

    memset(&init_args, 0, sizeof(init_args));
    init_args.mem_alloc_type = Alloc_With_Allocator;
    init_args.mem_alloc_option.allocator.malloc_func = malloc;
    init_args.mem_alloc_option.allocator.realloc_func = realloc;
    init_args.mem_alloc_option.allocator.free_func = free;
    if (!wasm_runtime_full_init(&init_args)) {
        printf("Init runtime environment failed.\n");
        return 1;
    }
    if (link_file && !link_modules(link_file)) {
        return 3;
    }
    if (!(buf = read_file(file, &size))) {
        fprintf(stderr, "link_host: cannot read %s\n", file);
        return 1;
    }
    if (!(module = wasm_runtime_load(buf, size, error, sizeof(error)))) {
        printf("%s\n", error);
        return 0;
    }
    wasi_argv[0] = (char *)file;
    wasm_runtime_set_wasi_args(module, NULL, 0, NULL, 0, NULL, 0, wasi_argv, 1);
    if (!(inst = wasm_runtime_instantiate(module, stack_size, heap_size, error, sizeof(error)))) {
        printf("%s\n", error);
        return 0;
    }
    repl(inst);
    wasm_runtime_deinstantiate(inst);
    wasm_runtime_unload(module);
    wasm_runtime_destroy();
    return 0;
}
