/* Prints the arguments, the given variables and the whole environment, then exits with 7. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv) {
    printf("argc %d\n", argc);
    for (int i = 1; i < argc; i++) printf("argv[%d] = %s\n", i, argv[i]);
    const char *names[] = {"GREETING", "EMPTY", "WITH_EQUALS", "UNSET"};
    for (int i = 0; i < 4; i++) {
        const char *v = getenv(names[i]);
        printf("%s %s%s%s\n", names[i], v ? "= '" : "unset", v ? v : "", v ? "'" : "");
    }
    int n = 0;
    for (char **e = environ; *e; e++) n++;
    printf("%d entries\n", n);
    for (char **e = environ; *e; e++) printf("  %s\n", *e);
    setenv("ADDED", "yes", 1);
    printf("ADDED %s\n", getenv("ADDED"));
    fprintf(stderr, "exiting with 7\n");
    exit(7);
}
