/* Hello world through WASI: stdout, stderr, argv and the exit code. */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("Hello, world!\n");
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++) {
        printf("argv[%d]=%s\n", i, argv[i]);
    }
    fprintf(stderr, "this line goes to stderr\n");
    fflush(stdout);
    return 0;
}
