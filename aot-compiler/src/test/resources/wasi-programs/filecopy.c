/* Copies in.txt to copy.txt with stdio, then compares sizes with stat. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

/* A size as printed; an implausible one (cba4c782's iwasm writes wasi_unstable's filestat, so libc reads
   st_size from st_atim) is marked instead of printing a timestamp that changes with every run. */
static const char *size_text(long long s) {
    static char buf[8][32];
    static int next;
    char *b = buf[next++ & 7];
    if (s >= 0 && s < (1LL << 40)) snprintf(b, 32, "%lld", s); else snprintf(b, 32, "(implausible)");
    return b;
}

int main(void) {
    FILE *in = fopen("in.txt", "rb");
    if (!in) { perror("fopen in.txt"); return 1; }
    FILE *out = fopen("copy.txt", "wb");
    if (!out) { perror("fopen copy.txt"); return 1; }
    char buf[7];
    size_t n, total = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        if (fwrite(buf, 1, n, out) != n) { perror("fwrite"); return 1; }
        total += n;
    }
    fclose(in);
    if (fclose(out) != 0) { perror("fclose"); return 1; }
    struct stat a, b;
    if (stat("in.txt", &a) || stat("copy.txt", &b)) { perror("stat"); return 1; }
    printf("copied %zu bytes; sizes %s %s; regular %d %d\n", total, size_text(a.st_size),
           size_text(b.st_size), S_ISREG(a.st_mode), S_ISREG(b.st_mode));
    FILE *again = fopen("copy.txt", "r");
    char line[128];
    int lines = 0;
    while (fgets(line, sizeof line, again)) lines++;
    fclose(again);
    printf("copy has %d lines\n", lines);
    if (fopen("missing.txt", "r") == NULL) printf("missing.txt: errno %d\n", errno);
    return 0;
}
