/* Lists data/ recursively with opendir/readdir (sorted, since directory order is the host's) and stat. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <errno.h>

/* A size as printed; an implausible one (cba4c782's iwasm writes wasi_unstable's filestat, so libc reads
   st_size from st_atim) is marked instead of printing a timestamp that changes with every run. */
static const char *size_text(long long s) {
    static char buf[8][32];
    static int next;
    char *b = buf[next++ & 7];
    if (s >= 0 && s < (1LL << 40)) snprintf(b, 32, "%lld", s); else snprintf(b, 32, "(implausible)");
    return b;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void list(const char *dir, int depth) {
    DIR *d = opendir(dir);
    if (!d) { printf("opendir %s: errno %d\n", dir, errno); return; }
    char *names[64];
    int n = 0, dots = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) { dots++; continue; }
        if (n < 64) names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    printf("%*s%s: %d entries (+%d dot entries)\n", depth * 2, "", dir, n, dots);
    for (int i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        struct stat st;
        if (lstat(path, &st) != 0) { printf("lstat %s: errno %d\n", path, errno); continue; }
        if (S_ISDIR(st.st_mode)) {
            printf("%*s  [dir]  %s\n", depth * 2, "", names[i]);
            list(path, depth + 1);
        } else if (S_ISLNK(st.st_mode)) {
            printf("%*s  [link] %s\n", depth * 2, "", names[i]);
        } else {
            printf("%*s  [file] %s %s bytes\n", depth * 2, "", names[i], size_text(st.st_size));
        }
        free(names[i]);
    }
}

int main(void) {
    list("data", 0);
    list("nosuchdir", 0);
    list("in.txt", 0);
    return 0;
}
