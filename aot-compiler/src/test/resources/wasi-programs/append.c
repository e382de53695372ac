/* Appends to log.txt twice (O_APPEND with stdio "a" and with open), then reads it back. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    for (int round = 1; round <= 2; round++) {
        FILE *f = fopen("log.txt", "a");
        if (!f) { perror("fopen"); return 1; }
        fprintf(f, "round %d: %s\n", round, argc > 1 ? argv[1] : "-");
        fclose(f);
    }
    int fd = open("log.txt", O_WRONLY | O_APPEND);
    if (fd < 0) { perror("open"); return 1; }
    lseek(fd, 0, SEEK_SET);
    const char *tail = "appended despite lseek(0)\n";
    write(fd, tail, strlen(tail));
    close(fd);
    FILE *r = fopen("log.txt", "r");
    char line[200];
    while (fgets(line, sizeof line, r)) fputs(line, stdout);
    fclose(r);
    FILE *a = fopen("existing.txt", "a+");
    fputs("more\n", a);
    fseek(a, 0, SEEK_SET);
    char first[64] = {0};
    fgets(first, sizeof first, a);
    printf("a+ reads from the start: %s", first);
    fclose(a);
    return 0;
}
