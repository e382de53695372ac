/* mkdir, rename (file and directory), unlink, rmdir and their errors. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define TRY(expr) do { errno = 0; int r_ = (expr); printf("%-40s -> %d errno %d\n", #expr, r_, r_ ? errno : 0); } while (0)

int main(void) {
    TRY(mkdir("made", 0755));
    TRY(mkdir("made", 0755));
    TRY(mkdir("made/inner", 0755));
    FILE *f = fopen("made/inner/note.txt", "w");
    fputs("note\n", f);
    fclose(f);
    TRY(rename("made/inner/note.txt", "made/note.txt"));
    TRY(rename("made/inner/note.txt", "made/none.txt"));
    TRY(rmdir("made"));
    TRY(rmdir("made/inner"));
    TRY(rename("made", "renamed"));
    TRY(access("renamed/note.txt", F_OK));
    TRY(unlink("renamed"));
    TRY(rmdir("renamed/note.txt"));
    TRY(unlink("renamed/note.txt"));
    TRY(unlink("renamed/note.txt"));
    TRY(rename("data/a.txt", "moved-a.txt"));
    TRY(link("moved-a.txt", "hardlink-a.txt"));
    TRY(symlink("moved-a.txt", "sym-a"));
    char buf[64] = {0};
    ssize_t n = readlink("sym-a", buf, sizeof buf - 1);
    printf("readlink sym-a: %zd %s\n", n, buf);
    struct stat st;
    TRY(stat("hardlink-a.txt", &st));
    printf("nlink %d\n", (int)st.st_nlink);
    TRY(rename("moved-a.txt", "data"));
    TRY(rename("data", "moved-a.txt"));
    TRY(rmdir("."));
    return 0;
}
