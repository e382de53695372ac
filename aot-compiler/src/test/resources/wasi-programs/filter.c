/* A stdin filter: upper-cases every line, numbers it, counts bytes; read() and getchar mixed. */
#include <ctype.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char head[6] = {0};
    ssize_t n = read(0, head, 5);
    printf("first %zd bytes by read(): %s\n", n, head);
    int c, line = 1, bytes = (int)n, at_start = 1;
    while ((c = getchar()) != EOF) {
        if (at_start) { printf("%3d: ", line++); at_start = 0; }
        putchar(toupper(c));
        bytes++;
        if (c == '\n') at_start = 1;
    }
    fprintf(stderr, "%d bytes, %d lines\n", bytes, line - 1);
    return 0;
}
